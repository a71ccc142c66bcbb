import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { isJsonContentType, isLegacyRequest } from '@modelcontextprotocol/server';
import { encryptionKeyBytes, type Config } from '../../config.js';
import { HeyGenError } from '../../heygen/errors.js';
import { defaultJobReader } from '../../hosted/job-reader.js';
import { JobWatcher, type JobReader } from '../../hosted/poller.js';
import { TaskRunner } from '../../tasks/runner.js';
import { redact, type Logger } from '../../log.js';
import type { Upstream } from '../../deps.js';
import type { StateProvider } from '../../state/contract.js';
import { KeySealer } from '../../state/user-keys.js';
import { shareWatches } from '../../state/watch-share.js';
import { prepareServer } from '../../server.js';
import { VERSION } from '../../version.js';
import { bearerOk, hostAllowed, isLoopbackHost, makePolicy, originAllowed, type AccessPolicy } from './access.js';
import { BodyTooLarge, DEFAULT_MAX_BODY_BYTES, parseJson, readBody } from './body.js';
import { Accounts, type KeyCheck } from './accounts.js';
import { serveKeyPage } from './key-page.js';
import { header, KeyResolver, type Caller } from './keys.js';
import { missingScope, ResourceServer, scopeNeeded } from './oauth.js';
import { LegacySsePath } from './legacy-sse.js';
import { LegacyStreamablePath } from './legacy-streamable.js';
import { ModernPath } from './modern.js';
import { refuseBody, RPC, sendJson, sendRpcError } from './respond.js';
import { SessionTable } from './sessions.js';
import { receiveWebhook } from './webhook.js';
import { sendWebResponse, webRequestOf } from './web.js';

export interface HttpLimits {
  /** Open 2025 sessions (Streamable HTTP and SSE). */
  maxSessions: number;
  /** 2026-07-28 requests in flight at once. */
  maxInflight: number;
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
  maxSessions: 1_000, maxInflight: 1_000, idleTtlMs: 30 * 60_000, maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
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
}

export interface RunningHttpServer {
  url: string;
  port: number;
  close(): Promise<void>;
  /** Open 2025 sessions. */
  sessions(): number;
  /** Jobs the subscription poller is watching (one per key and URI). */
  watches(): number;
}

export class HttpStartError extends Error {
  override readonly name = 'HttpStartError';
}


const CORS_HEADERS = 'content-type, authorization, mcp-session-id, mcp-protocol-version, mcp-method, mcp-name, last-event-id, x-heygen-api-key';

/**
 * Hosted mode. /mcp serves both protocol eras: 2026-07-28 requests statelessly (any replica,
 * no session), 2025 clients with Streamable HTTP sessions (or one by one with --stateless);
 * legacy HTTP+SSE at /sse + /messages; /healthz; and the optional webhook receiver. Every guard
 * (Host/Origin, bearer token, body cap, timeouts, per-request or per-session HeyGen key, caps)
 * applies to every path.
 */
export async function startHttpServer(opts: HttpServeOptions): Promise<RunningHttpServer> {
  await prepareServer();
  const { config, log } = opts;
  const limits: HttpLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  const signIn = config.oauthIssuers.length > 0 && config.publicUrl !== undefined;
  if (!isLoopbackHost(config.host) && !config.httpToken && !signIn) {
    throw new HttpStartError(`Refusing to listen on ${config.host} without HEYGEN_MCP_HTTP_TOKEN or --oauth-issuer: off loopback every request must carry a bearer token. Set a random token of 16+ characters, sign people in with an issuer, or bind 127.0.0.1.`);
  }
  let policy: AccessPolicy;
  try {
    // The key page posts to this server from its own public origin.
    policy = makePolicy(config.host, [...config.allowedOrigins, ...(signIn ? [new URL(config.publicUrl as string).origin] : [])]);
  } catch (err) {
    throw new HttpStartError((err as Error).message);
  }
  redact(config.httpToken);
  redact(config.webhookSecret);
  redact(config.teamApiKey);
  redact(config.keyEncryptionKey);

  // Sign-in is set up first: a refusal to start must leave nothing running.
  const keys = new KeyResolver({ config, upstream: opts.upstream, states: opts.states, log });
  let rs: ResourceServer | undefined;
  let accounts: Accounts | undefined;
  if (signIn) {
    rs = new ResourceServer({ issuers: config.oauthIssuers, publicUrl: config.publicUrl as string, log });
    let secret = config.keyEncryptionKey ? encryptionKeyBytes(config.keyEncryptionKey) : undefined;
    if (!secret) {
      if (opts.states.kind === 'redis') throw new HttpStartError('HEYGEN_MCP_KEY_ENCRYPTION_KEY is required with sign-in and Redis: saved keys must open on every replica and after a restart (openssl rand -base64 32).');
      log.warn('No HEYGEN_MCP_KEY_ENCRYPTION_KEY: saved HeyGen keys are sealed with a key of this process only and are lost when it stops.');
      secret = randomBytes(32);
    }
    const base = rs.resource.replace(/\/mcp$/, '');
    const check = async (key: string): Promise<KeyCheck> => {
      try {
        await keys.depsFor(key).heygen.users.me({ signal: AbortSignal.timeout(10_000) });
        return 'ok';
      } catch (err) {
        return err instanceof HeyGenError && (err.status === 401 || err.status === 403) ? 'rejected' : 'unknown';
      }
    };
    accounts = new Accounts({ sealer: new KeySealer(secret), store: opts.states.userKeys, teamKey: config.teamApiKey, pageUrl: `${base}/keys`, keys, log, check });
    keys.accounts = accounts;
  }

  const table = new SessionTable({ maxSessions: limits.maxSessions, idleTtlMs: limits.idleTtlMs }, log);
  const sharing = shareWatches(opts.states, log);
  const watcher = new JobWatcher({ reader: opts.reader ?? defaultJobReader, log, minMs: limits.pollMinMs, maxMs: limits.pollMaxMs, shared: sharing.shared });
  const unlisten = sharing.attach(watcher);
  const tasks = new TaskRunner({ watcher, pollMinMs: limits.pollMinMs, pollMaxMs: limits.pollMaxMs });

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

  const legacyArgs = {
    keys, table, states: opts.states, watcher: config.stateless ? undefined : watcher, tasks: config.stateless ? undefined : tasks, log, serverKey: opts.upstream.apiKey,
    idleTtlMs: limits.idleTtlMs, stateless: config.stateless, jsonBody,
  };
  const modern = new ModernPath({ keys, watcher, tasks, log, maxBodyBytes: limits.maxBodyBytes });
  const legacy = new LegacyStreamablePath(legacyArgs);
  const sse = new LegacySsePath(legacyArgs);
  let inflight = 0;
  let modernLive = 0;
  let closing: Promise<void> | undefined;
  let drained: (() => void) | undefined;

  /** /mcp: a POST is classified by the SDK's own rule; session operations are 2025-only. */
  const mcp = async (req: IncomingMessage, res: ServerResponse, tag: (id: string) => void, caller: Caller): Promise<void> => {
    let early: { value: unknown } | undefined;
    if (caller.kind === 'user' && req.method === 'POST') {
      // A signed-in person's request is read first: what it asks for decides the scope it needs.
      if (!isJsonContentType(header(req, 'content-type') ?? null)) return sendRpcError(res, 415, RPC.BAD_REQUEST, 'Unsupported Media Type: Content-Type must be application/json.');
      early = await jsonBody(req, res);
      if (!early) return;
      const missing = missingScope(caller.user.scopes, scopeNeeded(early.value));
      if (missing && rs) return sendWebResponse(res, rs.insufficient(caller.user.scopes, missing));
    }
    if (req.method !== 'POST' || header(req, 'mcp-session-id') !== undefined) return legacy.serve(req, res, tag, early, undefined, caller);
    if (!isJsonContentType(header(req, 'content-type') ?? null)) return sendRpcError(res, 415, RPC.BAD_REQUEST, 'Unsupported Media Type: Content-Type must be application/json.');
    const body = early ?? await jsonBody(req, res);
    if (!body) return;
    const request = webRequestOf(req, res);
    // A body that carries the 2026-07-28 envelope claim is never legacy (the SDK's own rule), so
    // the full classification only runs for the others.
    if (!hasEnvelopeClaim(body.value) && await isLegacyRequest(request, body.value, { maxRequestBodySize: limits.maxBodyBytes })) return legacy.serve(req, res, tag, body, request, caller);
    if (modernLive >= limits.maxInflight) return sendRpcError(res, 503, RPC.BAD_REQUEST, 'Server busy; retry shortly.', { 'retry-after': '1' }, idOf(body.value));
    modernLive++;
    res.once('close', () => { modernLive--; });
    const key = await keys.resolve(req, caller, false);
    if ('refuse' in key) return sendRpcError(res, 403, RPC.BAD_REQUEST, key.refuse, {}, idOf(body.value));
    await modern.serve(req, res, request, body.value, key.deps);
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
    if (path === '/webhooks/heygen' && req.method === 'POST') {
      return receiveWebhook(req, res, { secret: config.webhookSecret, watcher, shared: sharing.shared, states: opts.states, maxBodyBytes: limits.maxBodyBytes, log });
    }
    if (!hostAllowed(policy, header(req, 'host'))) return sendRpcError(res, 403, RPC.BAD_REQUEST, 'Forbidden: Host header not allowed.');
    // RFC 9728 metadata is public (how to sign in), readable from any origin like the SDK's own.
    if (rs?.isMetadataPath(path)) return serveMetadata(req, res, rs.metadata);
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
    // Public by design: the key page works from its own signed links.
    if (accounts && path === '/keys') return serveKeyPage(req, res, url, accounts, log);
    const authorization = header(req, 'authorization');
    const staticOk = config.httpToken !== undefined && bearerOk(config.httpToken, authorization);
    const authorized = staticOk || (!config.httpToken && !rs);
    // Health answers without the token, but only what a load balancer needs.
    if (path === '/healthz' && req.method === 'GET') return sendJson(res, 200, { ok: true, version: VERSION, ...(authorized ? { sessions: table.size } : {}) });
    let caller: Caller = { kind: staticOk ? 'static' : 'anonymous' };
    if (!authorized) {
      if (!rs) return sendRpcError(res, 401, RPC.BAD_REQUEST, 'Unauthorized: send Authorization: Bearer <HEYGEN_MCP_HTTP_TOKEN>.', { 'www-authenticate': 'Bearer realm="heygen-mcp"' });
      const user = await rs.authenticate(authorization);
      if (user instanceof Response) return sendWebResponse(res, user);
      caller = { kind: 'user', user };
    }
    const tag = (id: string) => { session = id; };
    if (path === '/mcp') return mcp(req, res, tag, caller);
    if ((path === '/sse' || path === '/messages') && caller.kind === 'user') {
      return sendRpcError(res, 400, RPC.BAD_REQUEST, 'Signed-in clients use Streamable HTTP at /mcp; the 2024-11-05 HTTP+SSE transport predates MCP authorization.');
    }
    if (path === '/sse' && req.method === 'GET') return sse.open(req, res, tag);
    if (path === '/messages' && req.method === 'POST') return sse.post(req, res, url, tag);
    sendJson(res, 404, { error: 'not found', endpoints: ['/mcp', '/sse', '/messages', '/healthz'] });
  };

  const http: Server = createHttpServer({
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    // Node checks both limits only this often (30 s by default), so a limit could fire up to
    // that late; checking four times a second holds each to well within a second, even with
    // the event loop delayed on a busy machine.
    connectionsCheckingInterval: 250,
  }, (req, res) => {
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
      unlisten();
      await tasks.close();
      watcher.close();
      await modern.close();
      await table.closeAll();
      http.closeAllConnections();
      await stopped;
    })();
    return closing;
  };

  return { url: `http://${shownHost}:${port}/mcp`, port, close, sessions: () => table.size, watches: () => watcher.size };
}

function serveMetadata(req: IncomingMessage, res: ServerResponse, doc: Record<string, unknown>): void {
  const cors = { 'access-control-allow-origin': '*' };
  if (req.method === 'OPTIONS') {
    res.writeHead(204, { ...cors, 'access-control-allow-methods': 'GET', 'access-control-allow-headers': 'mcp-protocol-version', 'access-control-max-age': '600' });
    res.end();
    return;
  }
  if (req.method !== 'GET') return sendJson(res, 405, { error: 'method not allowed' }, { ...cors, allow: 'GET' });
  sendJson(res, 200, doc, { ...cors, 'cache-control': 'public, max-age=3600' });
}

/** Whether a JSON-RPC request names a protocol revision in its `_meta` (the per-request envelope). */
function hasEnvelopeClaim(body: unknown): boolean {
  const meta = (body as { params?: { _meta?: Record<string, unknown> } } | null)?.params?._meta;
  return typeof meta === 'object' && meta !== null && typeof meta['io.modelcontextprotocol/protocolVersion'] === 'string';
}

function idOf(body: unknown): string | number | null {
  const id = (body as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' || typeof id === 'number' ? id : null;
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
  const snippet = { mcpServers: { heygen: { type: 'http', url: config.publicUrl ?? running.url, ...(config.httpToken && !config.oauthIssuers.length ? { headers: { Authorization: 'Bearer <HEYGEN_MCP_HTTP_TOKEN>' } } : {}) } } };
  log.info(`heygen-mcp ${VERSION} listening on ${running.url} (MCP 2026-07-28 stateless; 2025 clients: ${config.stateless ? 'stateless' : 'sessions'}; legacy SSE at /sse)`);
  process.stderr.write(`Client config:\n${JSON.stringify(snippet, null, 2)}\n`);
  if (config.oauthIssuers.length) log.info(`sign-in: tokens from ${config.oauthIssuers.join(', ')} for ${config.publicUrl}; scopes heygen:read, heygen:write, heygen:admin`);
  else if (!opts.upstream.apiKey) log.warn('No HEYGEN_API_KEY: each client must send its own key in X-HeyGen-Api-Key, or tools answer 401.');
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
