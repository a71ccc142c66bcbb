import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { NodeStreamableHTTPServerTransport } from '@modelcontextprotocol/node';
import { isInitializeRequest, legacyStatelessFallback } from '@modelcontextprotocol/server';
import type { JobWatcher } from '../../hosted/poller.js';
import type { TaskRunner } from '../../tasks/runner.js';
import type { Logger } from '../../log.js';
import { createServer } from '../../server.js';
import { keyIdOf } from '../../state/contract.js';
import type { StateProvider } from '../../state/contract.js';
import type { ServerDeps } from '../../context.js';
import { header, KeyResolver, CLIENT_KEY_HEADER, type Caller } from './keys.js';
import { RPC, sendRpcError } from './respond.js';
import { serveSessionElsewhere } from './resume.js';
import type { Session, SessionTable } from './sessions.js';
import { sendWebResponse } from './web.js';

export interface LegacyArgs {
  keys: KeyResolver;
  table: SessionTable;
  states: StateProvider;
  watcher: JobWatcher | undefined;
  tasks?: TaskRunner | undefined;
  log: Logger;
  serverKey: string | undefined;
  idleTtlMs: number;
  /** `--stateless`: 2025 clients get no session, each request stands alone. */
  stateless: boolean;
  /** Reads and parses a JSON body within the limit; undefined when it has already answered. */
  jsonBody(req: IncomingMessage, res: ServerResponse): Promise<{ value: unknown } | undefined>;
}

/**
 * 2025-era Streamable HTTP at /mcp: sessions opened by `initialize` and named by
 * `Mcp-Session-Id`, each bound to one HeyGen key, with resumable streams (`Last-Event-ID`)
 * from the shared event store. With `--stateless`, 2025 requests are served one by one instead.
 */
export class LegacyStreamablePath {
  private readonly statelessHandler;

  constructor(private readonly a: LegacyArgs) {
    this.statelessHandler = legacyStatelessFallback(({ requestInfo }) => {
      const deps = (requestInfo ? this.statelessDeps.get(requestInfo) : undefined) ?? a.keys.depsFor(undefined);
      return createServer({ ...deps, era: 'legacy' });
    });
  }

  private readonly statelessDeps = new WeakMap<Request, ServerDeps>();

  /** Serves a 2025 request; `parsed` is the body when the caller has already read it (POST). */
  async serve(req: IncomingMessage, res: ServerResponse, tag: (id: string) => void, parsed: { value: unknown } | undefined, request: Request | undefined, caller: Caller): Promise<void> {
    if (this.a.stateless) return this.serveStateless(req, res, parsed, request, caller);
    const userId = caller.kind === 'user' ? caller.user.userId : undefined;
    const sid = header(req, 'mcp-session-id');
    if (sid !== undefined) {
      const s = this.a.table.get(sid);
      if (!s || s.kind !== 'streamable') {
        // Another replica may hold it (shared session directory); it can still serve a resume.
        const client = header(req, CLIENT_KEY_HEADER)?.trim();
        // A signed-in person's session is only served by the replica that holds it.
        if (!s && userId === undefined && await serveSessionElsewhere({ req, res, sessionId: sid, states: this.a.states, key: client || this.a.serverKey, clientKey: Boolean(client), log: this.a.log })) return;
        return sendRpcError(res, 404, RPC.SESSION_NOT_FOUND, 'Session not found: it expired or never existed. Initialize a new session.');
      }
      tag(s.id);
      // Sessions are bound to the person who opened them; another token cannot use one.
      if (s.userId !== userId) return sendRpcError(res, 404, RPC.SESSION_NOT_FOUND, 'Session not found: it expired or never existed. Initialize a new session.');
      if (!KeyResolver.matches(s.keyDigest, req)) return sendRpcError(res, 403, RPC.BAD_REQUEST, 'X-HeyGen-Api-Key differs from the key this session was initialized with.');
      const done = this.a.table.begin(s);
      res.on('close', done);
      void this.a.states.sessions.touch(s.id, this.a.idleTtlMs);
      const body = req.method === 'POST' ? parsed ?? await this.a.jsonBody(req, res) : { value: undefined };
      if (!body) return;
      await (s.transport as NodeStreamableHTTPServerTransport).handleRequest(req, res, body.value);
      return;
    }
    if (req.method !== 'POST') return sendRpcError(res, 400, RPC.BAD_REQUEST, 'Mcp-Session-Id header is required (2025 clients), or send a 2026-07-28 request with its _meta envelope.');
    const body = parsed ?? await this.a.jsonBody(req, res);
    if (!body) return;
    if (!isInitializeRequest(body.value)) return sendRpcError(res, 400, RPC.BAD_REQUEST, 'Mcp-Session-Id header is required (only initialize may come without one).');
    const key = await this.a.keys.resolve(req, caller, true);
    if ('refuse' in key) return sendRpcError(res, 403, RPC.BAD_REQUEST, key.refuse);
    if (!this.a.table.reserve()) return sendRpcError(res, 503, RPC.BAD_REQUEST, 'Too many open sessions; retry shortly.', { 'retry-after': '5' });
    let session: Session | undefined;
    const server = createServer({ ...key.deps, era: 'legacy', watcher: this.a.watcher, tasks: this.a.tasks });
    // The id is known before initialize so the session's event store can be scoped to it.
    const newId = randomUUID();
    // A person's session is scoped to them (no other key or person matches it elsewhere).
    const keyId = userId !== undefined ? keyIdOf(`\0user\n${userId}`) : key.deps.state.keyId;
    const transport: NodeStreamableHTTPServerTransport = new NodeStreamableHTTPServerTransport({
      sessionIdGenerator: () => newId,
      eventStore: this.a.states.eventStore(keyId, newId),
      onsessioninitialized: (id) => {
        session = this.a.table.add({ id, kind: 'streamable', transport, server, keyDigest: key.digest, userId });
        tag(id);
        const meta = { kind: 'streamable' as const, keyId, clientKey: key.digest !== undefined, replica: this.a.states.updates.origin, createdAt: Date.now() };
        void this.a.states.sessions.put(id, meta, this.a.idleTtlMs).catch((err: unknown) => this.a.log.warn('session not shared with other replicas', { error: (err as Error).message }));
      },
    });
    transport.onclose = () => {
      if (!transport.sessionId) return;
      this.a.table.forget(transport.sessionId);
      void this.a.states.sessions.delete(transport.sessionId);
    };
    try {
      await server.connect(transport);
      await transport.handleRequest(req, res, body.value);
    } finally {
      if (!session) {
        this.a.table.unreserve();
        void server.close().catch(() => undefined);
      }
    }
  }

  private async serveStateless(req: IncomingMessage, res: ServerResponse, parsed: { value: unknown } | undefined, request: Request | undefined, caller: Caller): Promise<void> {
    if (req.method !== 'POST' || !parsed || !request) return sendRpcError(res, 405, RPC.BAD_REQUEST, 'Stateless mode: only POST is served.', { allow: 'POST' });
    const key = await this.a.keys.resolve(req, caller, false);
    if ('refuse' in key) return sendRpcError(res, 403, RPC.BAD_REQUEST, key.refuse);
    this.statelessDeps.set(request, key.deps);
    await sendWebResponse(res, await this.statelessHandler(request, { parsedBody: parsed.value }));
  }
}
