import type { JSONRPCMessage, MessageExtraInfo, Server, Transport, TransportSendOptions } from '@modelcontextprotocol/server';
import { serveStdio as serveBothEras } from '@modelcontextprotocol/server/stdio';
import type { ServerDeps } from '../context.js';
import type { Logger } from '../log.js';
import { createServer } from '../server.js';
import { ListenWatches, listenedUris } from './listen-watches.js';
import { BackpressureStdioTransport } from './stdio-transport.js';

export interface StdioServeOptions {
  /** Builds the dependencies of the connection's server for the era its opening chose. */
  depsFor(era: 'modern' | 'legacy'): ServerDeps;
  log: Logger;
  onClose(): Promise<void>;
  /** The wire (tests and custom transports); defaults to this process's stdin/stdout. */
  transport?: Transport;
}

/**
 * Serves stdio for both protocol eras through the SDK's entry: a `server/discover` opening pins
 * the connection to 2026-07-28, an `initialize` opening to the 2025 handshake; one server from
 * the same factory serves the connection either way. stdin EOF, SIGTERM/SIGINT and the wire
 * closing end the process after closing the server.
 */
export function serveStdio(opts: StdioServeOptions): void {
  const { log } = opts;
  let current: { server: Server; deps: ServerDeps } | undefined;
  const watches = (deps: ServerDeps) => (deps.watcher ? new ListenWatches(deps.watcher) : undefined);
  let listen: ListenWatches | undefined;
  const streams = new Map<string | number, () => void>();

  // Modern `subscriptions/listen` is answered by the entry; this tap only sees which job URIs a
  // stream asked for, so the shared poller follows them and the pinned server announces changes
  // (the entry copies each announcement onto the subscriptions that asked for it).
  const tap = (message: JSONRPCMessage) => {
    const m = message as { id?: string | number; method?: string; params?: { requestId?: string | number } & Record<string, unknown> };
    if (m.method === 'subscriptions/listen' && m.id !== undefined && current?.deps.era === 'modern' && listen) {
      const { server, deps } = current;
      streams.get(m.id)?.();
      streams.set(m.id, listen.open(deps.state.keyId, deps.heygen, listenedUris(m.params), (uri) => { server.sendResourceUpdated({ uri }).catch(() => undefined); }));
    } else if (m.method === 'notifications/cancelled' && m.params?.requestId !== undefined) {
      streams.get(m.params.requestId)?.();
      streams.delete(m.params.requestId);
    }
  };
  // The wire stops reading stdin while stdout is full, so a client that never reads cannot make
  // the server queue its answers without bound.
  const wire = new TappedTransport(opts.transport ?? new BackpressureStdioTransport(), tap);

  let closing = false;
  const shutdown = async (why: string) => {
    if (closing) return;
    closing = true;
    log.info(`shutting down (${why})`);
    const force = setTimeout(() => process.exit(0), 1_500);
    force.unref();
    try {
      for (const release of streams.values()) release();
      await handle.close();
      await opts.onClose();
    } catch (err) {
      log.warn('error while shutting down', { error: err });
    }
    process.exit(0);
  };
  const handle = serveBothEras((ctx) => {
    const deps = opts.depsFor(ctx.era);
    const server = createServer(deps);
    current = { server, deps };
    listen ??= watches(deps);
    return server;
  }, { legacy: 'serve', transport: wire, onerror: (err) => log.debug('stdio', { error: err.message }) });
  // The wire also closes on its own (stdin EOF, a line over the buffer cap): staying alive then
  // would only leave a deaf process behind.
  wire.closed.then(() => void shutdown('transport closed'), () => undefined);
  process.stdin.on('end', () => void shutdown('stdin closed'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  log.info('heygen-mcp ready on stdio (MCP 2026-07-28 and 2025 clients)');
}

/** A transport that shows every inbound message to `tap` before the entry handles it. */
class TappedTransport implements Transport {
  readonly closed: Promise<void>;
  private markClosed!: () => void;
  private handler?: ((message: JSONRPCMessage, extra?: MessageExtraInfo) => void) | undefined;
  onclose?: () => void;
  onerror?: (error: Error) => void;

  constructor(private readonly inner: Transport, private readonly tap: (message: JSONRPCMessage) => void) {
    this.closed = new Promise((resolve) => { this.markClosed = resolve; });
    inner.onmessage = (message, extra) => {
      try {
        this.tap(message);
      } catch {
        // Watching is best effort: the message is still served.
      }
      this.handler?.(message, extra);
    };
    inner.onclose = () => {
      this.markClosed();
      this.onclose?.();
    };
    inner.onerror = (error) => this.onerror?.(error);
  }

  get onmessage(): ((message: JSONRPCMessage, extra?: MessageExtraInfo) => void) | undefined {
    return this.handler;
  }

  set onmessage(fn: ((message: JSONRPCMessage, extra?: MessageExtraInfo) => void) | undefined) {
    this.handler = fn;
  }

  start(): Promise<void> {
    return this.inner.start();
  }

  send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    return this.inner.send(message, options);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
