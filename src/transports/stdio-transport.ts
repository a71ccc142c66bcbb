import type { Readable, Writable } from 'node:stream';

/**
 * A JSON-RPC message as it travels: a JSON object. The SDK validates shapes above the
 * transport, so here it is only "a JSON object".
 */
export type JsonRpcMessage = { [key: string]: unknown };

/**
 * The MCP transport contract, restated structurally so this file does not depend on any SDK
 * version: the SDK's `Transport` is satisfied by anything with these members.
 */
export interface StdioTransportContract {
  start(): Promise<void>;
  send(message: JsonRpcMessage, options?: unknown): Promise<void>;
  close(): Promise<void>;
  onmessage?: ((message: JsonRpcMessage, extra?: unknown) => void) | undefined;
  onclose?: (() => void) | undefined;
  onerror?: ((error: Error) => void) | undefined;
  sessionId?: string | undefined;
}

export interface StdioTransportOptions {
  /** Defaults to process.stdin / process.stdout. */
  stdin?: Readable;
  stdout?: Writable;
  /** Longest accepted line; a longer one closes the transport. Default 10 MB. */
  maxLineBytes?: number;
  /** Most bytes held while stdout is blocked; a send past it is refused. Default 8 MB. */
  maxQueuedBytes?: number;
}

export const DEFAULT_MAX_LINE_BYTES = 10 * 1024 * 1024;
export const DEFAULT_MAX_QUEUED_BYTES = 8 * 1024 * 1024;

export class LineTooLong extends Error {
  override readonly name = 'LineTooLong';
}

export class OutboundQueueFull extends Error {
  override readonly name = 'OutboundQueueFull';
}

interface Pending { line: string; bytes: number; resolve(): void; reject(err: Error): void }

/**
 * Newline-delimited JSON-RPC over stdin/stdout that respects back-pressure. When a write to
 * stdout reports a full buffer (the client is not reading), the transport stops reading stdin
 * (no new requests, so no new answers pile up) and holds further outbound messages in a queue
 * bounded by `maxQueuedBytes`; on 'drain' it writes the queue out and reads again. Without this,
 * a client that never reads made every answer wait in memory: hundreds of MB after a few
 * thousand calls.
 */
export class BackpressureStdioTransport implements StdioTransportContract {
  onmessage?: ((message: JsonRpcMessage, extra?: unknown) => void) | undefined;
  onclose?: (() => void) | undefined;
  onerror?: ((error: Error) => void) | undefined;
  sessionId?: string | undefined;

  private readonly stdin: Readable;
  private readonly stdout: Writable;
  private readonly maxLineBytes: number;
  private readonly maxQueuedBytes: number;
  private chunks: Buffer[] = [];
  private buffered = 0;
  private readonly queue: Pending[] = [];
  private queued = 0;
  private blocked = false;
  private started = false;
  private closed = false;

  constructor(opts: StdioTransportOptions = {}) {
    this.stdin = opts.stdin ?? process.stdin;
    this.stdout = opts.stdout ?? process.stdout;
    this.maxLineBytes = opts.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    this.maxQueuedBytes = opts.maxQueuedBytes ?? DEFAULT_MAX_QUEUED_BYTES;
  }

  /** True while stdout is blocked (and stdin is therefore not read). */
  get waitingForDrain(): boolean {
    return this.blocked;
  }

  /** Bytes of outbound messages waiting for stdout to drain. */
  get queuedBytes(): number {
    return this.queued;
  }

  async start(): Promise<void> {
    if (this.started) throw new Error('BackpressureStdioTransport already started');
    this.started = true;
    this.stdin.on('data', this.onData);
    this.stdin.on('error', this.onStreamError);
    this.stdout.on('drain', this.onDrain);
    this.stdout.on('error', this.onStreamError);
  }

  send(message: JsonRpcMessage): Promise<void> {
    if (this.closed) return Promise.reject(new Error('Transport is closed'));
    let line: string;
    try {
      line = JSON.stringify(message) + '\n';
      if (!this.blocked) {
        this.write(line);
        return Promise.resolve();
      }
    } catch (err) {
      // A message that cannot be serialised, or a stdout already destroyed.
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
    const bytes = Buffer.byteLength(line);
    if (this.queued + bytes > this.maxQueuedBytes) {
      const err = new OutboundQueueFull(`stdout is not being read and ${this.queued} bytes already wait for it; message dropped`);
      this.onerror?.(err);
      return Promise.reject(err);
    }
    this.queued += bytes;
    return new Promise<void>((resolve, reject) => this.queue.push({ line, bytes, resolve, reject }));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stdin.off('data', this.onData);
    this.stdin.off('error', this.onStreamError);
    this.stdout.off('drain', this.onDrain);
    this.stdout.off('error', this.onStreamError);
    // Stop the stream only if nobody else reads it (same courtesy as the SDK's stdio transport).
    if (this.stdin.listenerCount('data') === 0) this.stdin.pause();
    this.chunks = [];
    this.buffered = 0;
    const waiting = this.queue.splice(0);
    this.queued = 0;
    for (const p of waiting) p.reject(new Error('Transport closed before stdout drained'));
    this.onclose?.();
  }

  private write(line: string): void {
    if (!this.stdout.write(line)) this.block();
  }

  private block(): void {
    if (this.blocked) return;
    this.blocked = true;
    this.stdin.pause();
  }

  private readonly onDrain = (): void => {
    if (this.closed) return;
    this.blocked = false;
    while (this.queue.length > 0 && !this.blocked) {
      const p = this.queue.shift()!;
      this.queued -= p.bytes;
      this.write(p.line);
      p.resolve();
    }
    if (this.blocked) return;
    // Lines read before the block that were not handled yet go first, then stdin again.
    this.processLines();
    if (!this.blocked && !this.closed) this.stdin.resume();
  };

  private readonly onData = (chunk: Buffer | string): void => {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    this.chunks.push(b);
    this.buffered += b.length;
    // Most of a long line arrives without a newline: keep the pieces, join them once.
    if (b.indexOf(0x0a) === -1) {
      if (this.buffered > this.maxLineBytes) this.tooLong();
      return;
    }
    this.processLines();
  };

  private readonly onStreamError = (err: Error): void => {
    this.onerror?.(err);
  };

  private tooLong(): void {
    this.onerror?.(new LineTooLong(`A message longer than ${this.maxLineBytes} bytes arrived on stdin; closing.`));
    void this.close();
  }

  /** Hands complete lines to onmessage until none is left, stdout blocks, or the line cap trips. */
  private processLines(): void {
    if (this.chunks.length === 0) return;
    const buf = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.buffered);
    let from = 0;
    while (!this.blocked && !this.closed) {
      const nl = buf.indexOf(0x0a, from);
      if (nl === -1) break;
      if (nl - from > this.maxLineBytes) return this.tooLong();
      const line = buf.subarray(from, nl).toString('utf8');
      from = nl + 1;
      this.dispatch(line.endsWith('\r') ? line.slice(0, -1) : line);
    }
    if (this.closed) return;
    const rest = buf.subarray(from);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.buffered = rest.length;
    if (this.buffered > this.maxLineBytes && rest.indexOf(0x0a) === -1) this.tooLong();
  }

  private dispatch(line: string): void {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      this.onerror?.(new Error(`Unreadable JSON on stdin: ${(err as Error).message}`));
      return;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value) || (value as { jsonrpc?: unknown }).jsonrpc !== '2.0') {
      this.onerror?.(new Error('A line on stdin is not a JSON-RPC 2.0 message'));
      return;
    }
    this.onmessage?.(value as JsonRpcMessage);
  }
}
