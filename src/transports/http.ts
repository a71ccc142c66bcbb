import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import type { Config } from '../config.js';
import type { ServerDeps } from '../context.js';
import { bearerOk, hostAllowed, isLoopbackHost, makePolicy, originAllowed, type AccessPolicy } from '../hosted/access.js';
import { BodyTooLarge, DEFAULT_MAX_BODY_BYTES, parseJson, readBody } from '../hosted/body.js';
import { defaultJobReader } from '../hosted/job-reader.js';
import { JobWatcher, type JobReader } from '../hosted/poller.js';
import { SessionTable, type Session } from '../hosted/sessions.js';
import { isFirstDelivery, parseWebhookEvent, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhook } from '../hosted/webhook.js';
import { redact, type Logger } from '../log.js';
import { makeDeps, type Upstream } from '../runtime.js';
import { createServer } from '../server.js';
import { keyIdOf } from '../state/memory.js';
import type { StateProvider } from '../state/provider.js';
import { serveSessionElsewhere } from '../state/resume.js';
import { shareWatches } from '../state/watch-share.js';
import { VERSION } from '../version.js';
import { refuseBody, RPC, sendJson, sendRpcError } from './http-respond.js';

export interface HttpLimits {
  maxSessions: number;
  idleTtlMs: number;
  maxBodyBytes: number;
  /** Slow clients: time to send the headers, and the whole request. */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** How long shutdown waits for calls in flight. */
  shutdownGraceMs: number;
  /** Resource-subscription poll interval bounds. */
  pollMinMs: number;
  pollMaxMs: number;
}

export const DEFAULT_LIMITS: HttpLimits = {
  maxSessions: 1_000, idleTtlMs: 30 * 60_000, maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
  headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, shutdownGraceMs: 10_000, pollMinMs: 2_000, pollMaxMs: 30_000,
};

export interface HttpServeOptions {
  config: Config;
  upstream: Upstream;
  states: StateProvider;
  log: Logger;
  limits?: Partial<HttpLimits>;
  /** How job resources are read for subscriptions (tests inject one). */
  reader?: JobReader;
  /** Builds one session's server (tests add instrumented tools). */
  makeServer?: (deps: ServerDeps) => McpServer;
}

export interface RunningHttpServer {
  url: string;
  port: number;
  close(): Promise<void>;
  sessions(): number;
  /** Jobs the subscription poller is watching (one per key and URI). */
  watches(): number;
}

export class HttpStartError extends Error {
  override readonly name = 'HttpStartError';
}

export const CLIENT_KEY_HEADER = 'x-heygen-api-key';
const CORS_HEADERS = 'content-type, authorization, mcp-session-id, mcp-protocol-version, last-event-id, x-heygen-api-key';

/**
 * Hosted mode: Streamable HTTP at /mcp, legacy HTTP+SSE at /sse + /messages, /healthz and the
 * optional webhook receiver. One McpServer per session (or per request when stateless), built
 * for the HeyGen key that session is bound to.
 */
export async function startHttpServer(opts: HttpServeOptions): Promise<RunningHttpServer> {
  const { config, log } = opts;
  const limits: HttpLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  const loopback = isLoopbackHost(config.host);
  if (!loopback && !config.httpToken) {
    throw new HttpStartError(`Refusing to listen on ${config.host} without HEYGEN_MCP_HTTP_TOKEN: off loopback every request must carry a bearer token. Set a random token of 16+ characters, or bind 127.0.0.1.`);
  }
  let policy: AccessPolicy;
  try {
    policy = makePolicy(config.host, config.allowedOrigins);
  } catch (err) {
    throw new HttpStartError((err as Error).message);
  }
  redact(config.httpToken);
  redact(config.webhookSecret);

  const table = new SessionTable({ maxSessions: limits.maxSessions, idleTtlMs: limits.idleTtlMs }, log);
  const sharing = shareWatches(opts.states, log);
  const watcher = config.stateless ? undefined : new JobWatcher({ reader: opts.reader ?? defaultJobReader, log, minMs: limits.pollMinMs, maxMs: limits.pollMaxMs, shared: sharing.shared });
  const unlisten = watcher ? sharing.attach(watcher) : undefined;
  const build = opts.makeServer ?? createServer;
  let inflight = 0;
  let statelessLive = 0;
  let closing: Promise<void> | undefined;
  let drained: (() => void) | undefined;

  /** The HeyGen key a new session or stateless request runs with, or a refusal. */
  const keyFor = (req: IncomingMessage): { key: string | undefined; digest: Buffer | undefined } | { refuse: string } => {
    const client = header(req, CLIENT_KEY_HEADER)?.trim();
    if (!client) return { key: opts.upstream.apiKey, digest: undefined };
    if (opts.upstream.apiKey && !config.allowClientKeys) return { refuse: 'This server uses its own HeyGen key; X-HeyGen-Api-Key is not accepted (HEYGEN_MCP_ALLOW_CLIENT_KEYS is off).' };
    if (client.length > 512) return { refuse: 'X-HeyGen-Api-Key is too long.' };
    redact(client);
    return { key: client, digest: digestOf(client) };
  };
  const keyMatches = (s: Session, req: IncomingMessage): boolean => {
    const client = header(req, CLIENT_KEY_HEADER)?.trim();
    if (!s.keyDigest || !client) return !s.keyDigest && !client;
    return timingSafeEqual(s.keyDigest, digestOf(client));
  };
  const serverFor = (key: string | undefined, subscriptions: boolean): McpServer => {
    const deps = makeDeps({ config, upstream: opts.upstream, apiKey: key, transport: 'http', states: opts.states, log });
    if (subscriptions) deps.watcher = watcher;
    return build(deps);
  };

  /** Reads and parses a JSON body within the limit; on failure answers and returns undefined. */
  const jsonBody = async (req: IncomingMessage, res: ServerResponse): Promise<{ value: unknown } | undefined> => {
    let raw: Buffer;
    try {
      raw = await readBody(req, limits.maxBodyBytes);
    } catch (err) {
      if (err instanceof BodyTooLarge) refuseBody(res, 413, RPC.BAD_REQUEST, `Request body is larger than ${limits.maxBodyBytes} bytes.`);
      else res.destroy();
      return undefined;
    }
    const parsed = parseJson(raw);
    if (!parsed.ok) {
      sendRpcError(res, 400, RPC.PARSE_ERROR, 'Parse error: the body is not JSON.');
      return undefined;
    }
    return { value: parsed.value };
  };

  const streamable = async (req: IncomingMessage, res: ServerResponse, tag: (id: string) => void): Promise<void> => {
    const sid = header(req, 'mcp-session-id');
    if (sid !== undefined) {
      const s = table.get(sid);
      if (!s || s.kind !== 'streamable') {
        // Another replica may hold it (shared session directory); it can still serve a resume.
        const client = header(req, CLIENT_KEY_HEADER)?.trim();
        if (!s && await serveSessionElsewhere({ req, res, sessionId: sid, states: opts.states, key: client || opts.upstream.apiKey, clientKey: Boolean(client), log })) return;
        return sendRpcError(res, 404, RPC.SESSION_NOT_FOUND, 'Session not found: it expired or never existed. Initialize a new session.');
      }
      tag(s.id);
      if (!keyMatches(s, req)) return sendRpcError(res, 403, RPC.BAD_REQUEST, 'X-HeyGen-Api-Key differs from the key this session was initialized with.');
      const done = table.begin(s);
      res.on('close', done);
      void opts.states.sessions.touch(s.id, limits.idleTtlMs);
      const body = req.method === 'POST' ? await jsonBody(req, res) : { value: undefined };
      if (!body) return;
      await (s.transport as StreamableHTTPServerTransport).handleRequest(req, res, body.value);
      return;
    }
    if (req.method !== 'POST') return sendRpcError(res, 400, RPC.BAD_REQUEST, 'Mcp-Session-Id header is required.');
    const body = await jsonBody(req, res);
    if (!body) return;
    if (!isInitializeRequest(body.value)) return sendRpcError(res, 400, RPC.BAD_REQUEST, 'Mcp-Session-Id header is required (only initialize may come without one).');
    const key = keyFor(req);
    if ('refuse' in key) return sendRpcError(res, 403, RPC.BAD_REQUEST, key.refuse);
    if (!table.reserve()) return sendRpcError(res, 503, RPC.BAD_REQUEST, 'Too many open sessions; retry shortly.', { 'retry-after': '5' });
    let session: Session | undefined;
    const server = serverFor(key.key, true);
    // The id is known before initialize so the session's event store can be scoped to it.
    const newId = randomUUID();
    const keyId = keyIdOf(key.key ?? '');
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => newId,
      eventStore: opts.states.eventStore(keyId, newId),
      onsessioninitialized: (id) => {
        session = table.add({ id, kind: 'streamable', transport, server, keyDigest: key.digest });
        tag(id);
        const meta = { kind: 'streamable' as const, keyId, clientKey: key.digest !== undefined, replica: opts.states.updates.origin, createdAt: Date.now() };
        void opts.states.sessions.put(id, meta, limits.idleTtlMs).catch((err: unknown) => log.warn('session not shared with other replicas', { error: (err as Error).message }));
      },
    });
    transport.onclose = () => {
      if (!transport.sessionId) return;
      table.forget(transport.sessionId);
      void opts.states.sessions.delete(transport.sessionId);
    };
    try {
      await server.connect(transport);
      await transport.handleRequest(req, res, body.value);
    } finally {
      if (!session) {
        table.unreserve();
        void server.close().catch(() => undefined);
      }
    }
  };

  const stateless = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'POST') return sendRpcError(res, 405, RPC.BAD_REQUEST, 'Stateless mode: only POST is served.', { allow: 'POST' });
    if (statelessLive >= limits.maxSessions) return sendRpcError(res, 503, RPC.BAD_REQUEST, 'Server busy; retry shortly.', { 'retry-after': '1' });
    const body = await jsonBody(req, res);
    if (!body) return;
    const key = keyFor(req);
    if ('refuse' in key) return sendRpcError(res, 403, RPC.BAD_REQUEST, key.refuse);
    statelessLive++;
    const server = serverFor(key.key, false);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    res.on('close', () => {
      statelessLive--;
      void transport.close().catch(() => undefined);
      void server.close().catch(() => undefined);
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, body.value);
  };

  const sseOpen = async (req: IncomingMessage, res: ServerResponse, tag: (id: string) => void): Promise<void> => {
    const key = keyFor(req);
    if ('refuse' in key) return sendRpcError(res, 403, RPC.BAD_REQUEST, key.refuse);
    if (!table.reserve()) return sendRpcError(res, 503, RPC.BAD_REQUEST, 'Too many open sessions; retry shortly.', { 'retry-after': '5' });
    const transport = new SSEServerTransport('/messages', res);
    const server = serverFor(key.key, true);
    const s = table.add({ id: transport.sessionId, kind: 'sse', transport, server, keyDigest: key.digest });
    tag(s.id);
    const done = table.begin(s);
    transport.onclose = () => { done(); table.forget(s.id); };
    res.on('close', () => { done(); void table.close(s.id, 'stream closed'); });
    await server.connect(transport);
  };

  const ssePost = async (req: IncomingMessage, res: ServerResponse, url: URL, tag: (id: string) => void): Promise<void> => {
    const s = table.get(url.searchParams.get('sessionId') ?? '');
    if (!s || s.kind !== 'sse') return sendRpcError(res, 404, RPC.SESSION_NOT_FOUND, 'Session not found: it expired or never existed. Open /sse again.');
    tag(s.id);
    if (!keyMatches(s, req)) return sendRpcError(res, 403, RPC.BAD_REQUEST, 'X-HeyGen-Api-Key differs from the key this session was opened with.');
    const done = table.begin(s);
    res.on('close', done);
    const body = await jsonBody(req, res);
    if (!body) return;
    await (s.transport as SSEServerTransport).handlePostMessage(req, res, body.value);
  };

  const webhook = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const secret = config.webhookSecret;
    if (!secret || !watcher) return sendJson(res, 404, { error: 'not found' });
    let raw: Buffer;
    try {
      raw = await readBody(req, Math.min(limits.maxBodyBytes, 1024 * 1024));
    } catch (err) {
      if (err instanceof BodyTooLarge) return refuseBody(res, 413, RPC.BAD_REQUEST, 'Webhook body too large.');
      res.destroy();
      return;
    }
    if (!verifyWebhook(secret, raw, { signature: header(req, SIGNATURE_HEADER), timestamp: header(req, TIMESTAMP_HEADER) })) {
      return sendJson(res, 401, { error: 'invalid signature' });
    }
    const parsed = parseJson(raw);
    const event = parsed.ok ? parseWebhookEvent(parsed.value) : undefined;
    if (!event) return sendJson(res, 400, { error: 'expected {event_type, event_data}' });
    if (!(await isFirstDelivery(opts.states, event, raw))) return sendJson(res, 200, { ok: true, duplicate: true });
    let told = 0;
    for (const id of event.ids) {
      told += watcher.signalJob(id, event.terminal);
      sharing.shared.signal(id, event.terminal); // replicas sharing Redis tell their own watchers
    }
    log.info('webhook', { event: event.type, notified: told });
    sendJson(res, 200, { ok: true });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://local');
    const path = url.pathname;
    let session = '';
    const counted = req.method !== 'GET';
    if (counted) inflight++;
    res.on('close', () => {
      if (counted && --inflight === 0) drained?.();
      log.info('http', { method: req.method, path, session: session.slice(0, 8) || undefined, status: res.statusCode, ms: Math.round(performance.now() - started) });
    });
    if (closing) return sendRpcError(res, 503, RPC.BAD_REQUEST, 'Server is shutting down.', { connection: 'close', 'retry-after': '5' });
    // Authenticated by its signature alone: HeyGen sends neither our token nor a browser Origin.
    if (path === '/webhooks/heygen' && req.method === 'POST') return webhook(req, res);
    if (!hostAllowed(policy, header(req, 'host'))) return sendRpcError(res, 403, RPC.BAD_REQUEST, 'Forbidden: Host header not allowed.');
    const origin = header(req, 'origin');
    if (!originAllowed(policy, origin)) return sendRpcError(res, 403, RPC.BAD_REQUEST, 'Forbidden: Origin not allowed (see HEYGEN_MCP_ALLOWED_ORIGINS).');
    if (origin) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('vary', 'Origin');
      res.setHeader('access-control-expose-headers', 'mcp-session-id, www-authenticate');
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'access-control-allow-methods': 'GET, POST, DELETE', 'access-control-allow-headers': CORS_HEADERS, 'access-control-max-age': '600' });
      res.end();
      return;
    }
    if (path === '/healthz' && req.method === 'GET') return sendJson(res, 200, { ok: true, version: VERSION, sessions: table.size });
    if (config.httpToken && !bearerOk(config.httpToken, header(req, 'authorization'))) {
      return sendRpcError(res, 401, RPC.BAD_REQUEST, 'Unauthorized: send Authorization: Bearer <HEYGEN_MCP_HTTP_TOKEN>.', { 'www-authenticate': 'Bearer realm="heygen-mcp"' });
    }
    const tag = (id: string) => { session = id; };
    if (path === '/mcp') return config.stateless ? stateless(req, res) : streamable(req, res, tag);
    if (path === '/sse' && req.method === 'GET') return sseOpen(req, res, tag);
    if (path === '/messages' && req.method === 'POST') return ssePost(req, res, url, tag);
    sendJson(res, 404, { error: 'not found', endpoints: ['/mcp', '/sse', '/messages', '/healthz'] });
  };

  const http: Server = createHttpServer({ headersTimeout: limits.headersTimeoutMs, requestTimeout: limits.requestTimeoutMs }, (req, res) => {
    handle(req, res).catch((err: unknown) => {
      log.error('http handler failed', { error: err });
      if (!res.headersSent) sendRpcError(res, 500, -32603, 'Internal error.');
      else res.end();
    });
  });
  // Longer than the idle timeout of common load balancers (60 s) and of clients' pools, so an
  // idle keep-alive socket is never closed under a request the client is already sending.
  http.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    http.once('error', (err) => reject(new HttpStartError(`Cannot listen on ${config.host}:${config.port}: ${err.message}`)));
    http.listen(config.port, config.host, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  const shownHost = config.host.includes(':') ? `[${config.host}]` : config.host;

  const close = (): Promise<void> => {
    closing ??= (async () => {
      const stopped = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeIdleConnections();
      if (inflight > 0) {
        await new Promise<void>((resolve) => {
          drained = resolve;
          setTimeout(resolve, limits.shutdownGraceMs).unref();
        });
      }
      unlisten?.();
      watcher?.close();
      await table.closeAll();
      http.closeAllConnections();
      await stopped;
    })();
    return closing;
  };

  return { url: `http://${shownHost}:${port}/mcp`, port, close, sessions: () => table.size, watches: () => watcher?.size ?? 0 };
}

/** The bin entry: starts the server, prints how to connect, and shuts down gracefully. */
export async function serveHttp(opts: HttpServeOptions): Promise<void> {
  const { log, config } = opts;
  let running: RunningHttpServer;
  try {
    running = await startHttpServer(opts);
  } catch (err) {
    if (err instanceof HttpStartError) {
      process.stderr.write(`heygen-mcp: ${err.message}\n`);
      await opts.upstream.close();
      process.exit(2);
    }
    throw err;
  }
  const snippet = { mcpServers: { heygen: { type: 'http', url: running.url, ...(config.httpToken ? { headers: { Authorization: 'Bearer <HEYGEN_MCP_HTTP_TOKEN>' } } : {}) } } };
  log.info(`heygen-mcp ${VERSION} listening on ${running.url} (${config.stateless ? 'stateless' : 'stateful sessions'}; legacy SSE at /sse)`);
  process.stderr.write(`Client config:\n${JSON.stringify(snippet, null, 2)}\n`);
  if (!opts.upstream.apiKey) log.warn('No HEYGEN_API_KEY: each client must send its own key in X-HeyGen-Api-Key, or tools answer 401.');
  let stopping = false;
  const shutdown = (why: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`shutting down (${why}); finishing calls in flight`);
    const force = setTimeout(() => process.exit(1), (opts.limits?.shutdownGraceMs ?? DEFAULT_LIMITS.shutdownGraceMs) + 5_000);
    force.unref();
    void running.close().then(() => opts.upstream.close()).finally(() => process.exit(0));
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Sessions remember a hash of the client's key, never the key. */
function digestOf(key: string): Buffer {
  return createHash('sha256').update(key).digest();
}
