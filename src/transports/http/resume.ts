import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JSONRPCMessage } from '@modelcontextprotocol/server';
import type { Logger } from '../../log.js';
import { keyIdOf } from '../../state/contract.js';
import type { StateProvider } from '../../state/contract.js';

export interface ElsewhereArgs {
  req: IncomingMessage;
  res: ServerResponse;
  sessionId: string;
  states: StateProvider;
  /** The key this request runs with (client header, else the server's key). */
  key: string | undefined;
  clientKey: boolean;
  log: Logger;
  /** How long a resumed stream waits for new events before it ends (the client resumes again). */
  followMs?: number;
  pollMs?: number;
}

/**
 * A request for a stateful session this replica does not hold. The live transport stays on the
 * replica that created it (stateful mode needs sticky routing), but a stream the client resumes
 * with `Last-Event-ID` can be served from any replica: the events are in the shared store, and
 * new ones are followed there until the request's response has been sent. Answers and returns
 * true when the session is known to the shared directory; false lets the caller answer 404.
 */
export async function serveSessionElsewhere(a: ElsewhereArgs): Promise<boolean> {
  let meta;
  try {
    meta = await a.states.sessions.get(a.sessionId);
  } catch (err) {
    rpcError(a.res, 503, -32000, (err as Error).message, { 'retry-after': '2' });
    return true;
  }
  if (!meta || meta.replica === a.states.updates.origin) return false;
  if (meta.clientKey !== a.clientKey || keyIdOf(a.key ?? '') !== meta.keyId) {
    rpcError(a.res, 403, -32000, 'X-HeyGen-Api-Key differs from the key this session was initialized with.');
    return true;
  }
  const lastEventId = header(a.req, 'last-event-id');
  if (a.req.method !== 'GET' || !lastEventId) {
    rpcError(a.res, 404, -32001, 'Session not found on this replica: stateful sessions need sticky routing by Mcp-Session-Id (or run the servers with --stateless). Initialize a new session.');
    return true;
  }
  const events = a.states.eventStore(meta.keyId, a.sessionId);
  let streamId: string | undefined;
  try {
    streamId = await events.getStreamIdForEventId?.(lastEventId);
  } catch (err) {
    rpcError(a.res, 503, -32000, `The shared state store (Redis) is unavailable (${(err as Error).message}). Retry in a few seconds.`, { 'retry-after': '2' });
    return true;
  }
  if (!streamId) {
    rpcError(a.res, 400, -32000, 'Unknown or expired Last-Event-ID.');
    return true;
  }
  a.res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no', 'mcp-session-id': a.sessionId });
  a.res.flushHeaders();
  let closed = false;
  a.res.on('close', () => { closed = true; });
  let cursor = lastEventId;
  let answered = false;
  const send = async (id: string, m: JSONRPCMessage) => {
    if (closed) return;
    a.res.write(`event: message\nid: ${id}\ndata: ${JSON.stringify(m)}\n\n`);
    cursor = id;
    if ('id' in m && ('result' in m || 'error' in m)) answered = true;
  };
  // A request's stream ends with its response; the standalone GET stream has none, so it is
  // followed for followMs and then closed (the client reconnects with its latest event id).
  const until = Date.now() + (a.followMs ?? 60_000);
  try {
    while (!closed && !answered && Date.now() < until) {
      await events.replayEventsAfter(cursor, { send });
      if (!answered) await new Promise((r) => setTimeout(r, a.pollMs ?? 200));
    }
  } catch (err) {
    a.log.warn('resumed stream ended early', { error: (err as Error).message });
  }
  a.res.end();
  return true;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function rpcError(res: ServerResponse, status: number, code: number, message: string, headers: Record<string, string> = {}): void {
  const body = JSON.stringify({ jsonrpc: '2.0', error: { code, message }, id: null });
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}
