import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseJSONRPCMessage, type JSONRPCMessage, type MessageExtraInfo, type Transport } from '@modelcontextprotocol/server';
import { createServer } from '../../server.js';
import { KeyResolver } from './keys.js';
import type { LegacyArgs } from './legacy-streamable.js';
import { RPC, sendRpcError } from './respond.js';

/**
 * The 2024-11-05 HTTP+SSE transport, for 2025-era clients that still use it: `GET /sse` opens
 * the stream and names the POST endpoint in an `endpoint` event; every client message is POSTed
 * to `/messages?sessionId=…` and every server message goes down the stream. SDK v2 no longer
 * ships a server side for it, and it is small enough to keep here.
 */
export class LegacySseTransport implements Transport {
  readonly sessionId = randomUUID();
  onmessage?: (message: JSONRPCMessage, extra?: MessageExtraInfo) => void;
  onclose?: () => void;
  onerror?: (error: Error) => void;
  private closed = false;

  constructor(private readonly endpoint: string, private readonly res: ServerResponse) {}

  async start(): Promise<void> {
    this.res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    this.res.write(`event: endpoint\ndata: ${this.endpoint}?sessionId=${this.sessionId}\n\n`);
    this.res.on('close', () => this.finish());
  }

  /** One message POSTed by the client. Returns an error text for a body that is no JSON-RPC message. */
  deliver(body: unknown): string | undefined {
    let message: JSONRPCMessage;
    try {
      message = parseJSONRPCMessage(body);
    } catch {
      return 'The body is not a JSON-RPC message.';
    }
    this.onmessage?.(message);
    return undefined;
  }

  async send(message: JSONRPCMessage): Promise<void> {
    if (this.closed) throw new Error('The SSE stream is closed.');
    this.res.write(`event: message\ndata: ${JSON.stringify(message)}\n\n`);
  }

  async close(): Promise<void> {
    if (!this.res.writableEnded) this.res.end();
    this.finish();
  }

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    this.onclose?.();
  }
}

/** `GET /sse` and `POST /messages`: each stream is a session bound to one HeyGen key. */
export class LegacySsePath {
  constructor(private readonly a: LegacyArgs) {}

  async open(req: IncomingMessage, res: ServerResponse, tag: (id: string) => void): Promise<void> {
    const key = this.a.keys.choose(req);
    if ('refuse' in key) return sendRpcError(res, 403, RPC.BAD_REQUEST, key.refuse);
    if (!this.a.table.reserve()) return sendRpcError(res, 503, RPC.BAD_REQUEST, 'Too many open sessions; retry shortly.', { 'retry-after': '5' });
    const transport = new LegacySseTransport('/messages', res);
    const server = createServer({ ...this.a.keys.depsFor(key.key), era: 'legacy', watcher: this.a.watcher, tasks: this.a.tasks });
    const s = this.a.table.add({ id: transport.sessionId, kind: 'sse', transport, server, keyDigest: key.digest });
    tag(s.id);
    const done = this.a.table.begin(s);
    transport.onclose = () => { done(); this.a.table.forget(s.id); };
    await server.connect(transport);
  }

  async post(req: IncomingMessage, res: ServerResponse, url: URL, tag: (id: string) => void): Promise<void> {
    const s = this.a.table.get(url.searchParams.get('sessionId') ?? '');
    if (!s || s.kind !== 'sse') return sendRpcError(res, 404, RPC.SESSION_NOT_FOUND, 'Session not found: it expired or never existed. Open /sse again.');
    tag(s.id);
    if (!KeyResolver.matches(s.keyDigest, req)) return sendRpcError(res, 403, RPC.BAD_REQUEST, 'X-HeyGen-Api-Key differs from the key this session was opened with.');
    const done = this.a.table.begin(s);
    res.on('close', done);
    const body = await this.a.jsonBody(req, res);
    if (!body) return;
    const problem = (s.transport as LegacySseTransport).deliver(body.value);
    if (problem) return sendRpcError(res, 400, RPC.BAD_REQUEST, problem);
    res.writeHead(202, { 'content-type': 'text/plain' }).end('Accepted');
  }
}
