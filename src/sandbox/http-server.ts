import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Catalog, seedPrivate } from './catalog.js';
import { ApiError, codeForStatus } from './errors.js';
import { FileSigner, FIXTURES, readFixture, s3Error } from './files.js';
import { COSTS, type KeyState, type Outcome } from './jobs.js';
import type { Fault, RecordedRequest, SimulatorOptions } from './types.js';

export interface Ctx {
  method: string;
  path: string;
  params: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  rawBody: Buffer;
  key: string;
  state: KeyState;
  core: SimCore;
}
export interface HandlerResult { status?: number; body: unknown; headers?: Record<string, string> }
export type Handler = (ctx: Ctx) => HandlerResult | Promise<HandlerResult>;
export interface RouteDef { method: string; path: string; handler: Handler; multipart?: boolean }

export const ok = (data: unknown, status = 200): HandlerResult => ({ status, body: { data } });
export const page = (p: { data: unknown[]; has_more: boolean; next_token: string | null }): HandlerResult => ({ body: p });

interface Reply { status: number; headers: Record<string, string>; body: Buffer }

const MAX_BODY = 33 * 1024 * 1024;
let catalogSingleton: Catalog | undefined;

/** Shared simulator state: clock, catalog, per-key job state, file signing. */
export class SimCore {
  readonly catalog: Catalog;
  readonly speed: number;
  readonly apiKeys: string[];
  readonly lowCreditKeys: Set<string>;
  readonly outcomes = new Map<string, Outcome>();
  readonly states = new Map<string, KeyState>();
  readonly signer: FileSigner;
  readonly uploadSecret = randomBytes(16);
  offsetMs = 0;
  baseUrl = '';
  private readonly clock: () => number;

  constructor(readonly opts: SimulatorOptions) {
    catalogSingleton ??= new Catalog();
    this.catalog = catalogSingleton;
    this.speed = opts.speed ?? 1;
    this.apiKeys = opts.apiKeys?.length ? [...opts.apiKeys] : ['sk_sandbox'];
    this.lowCreditKeys = new Set(opts.lowCreditKeys ?? []);
    this.clock = opts.now ?? Date.now;
    this.signer = new FileSigner(randomBytes(32), () => this.baseUrl, () => this.nowMs(), opts.fileUrlTtlSeconds ?? 3600);
  }

  nowMs(): number { return this.clock() + this.offsetMs; }
  nowSec(): number { return Math.floor(this.nowMs() / 1000); }
  /** Simulated seconds elapsed since `startMs` (real ms), scaled by speed. */
  elapsed(startMs: number): number { return Math.max(0, ((this.nowMs() - startMs) / 1000) * this.speed); }
  fileUrl(id: string, fixture: keyof typeof FIXTURES | string): string { return this.signer.url(id, fixture); }
  outcome(...ids: (string | null | undefined)[]): Outcome {
    for (const id of ids) {
      const o = id ? this.outcomes.get(id) : undefined;
      if (o) return o;
    }
    return 'completed';
  }

  state(key: string): KeyState {
    let s = this.states.get(key);
    if (!s) {
      const priv = seedPrivate(this.catalog, key);
      s = {
        key, balanceUsd: this.lowCreditKeys.has(key) ? 0 : 100, spentUsd: 0, lowCredit: this.lowCreditKeys.has(key),
        videos: new Map(), sessions: new Map(), translations: new Map(), proofreads: new Map(), lipsyncs: new Map(),
        assets: new Map(), webhooks: new Map(), events: [],
        groups: new Map(priv.groups.map((g) => [g.id, g])), looks: new Map(priv.looks.map((l) => [l.id, l])),
        voices: new Map(priv.voices.map((v) => [v.voice_id, v])), training: new Map(), deletedVoices: new Set(),
        backgroundRemovals: new Map(), clippings: new Map(), batches: new Map(),
      };
      this.states.set(key, s);
    }
    return s;
  }

  /** Take the cost of a job from the wallet, or refuse with 402. */
  charge(state: KeyState, kind: keyof typeof COSTS | string, units = 1): void {
    const cost = (COSTS[kind] ?? 1) * units;
    if (state.lowCredit || state.balanceUsd + 1e-9 < cost) {
      throw new ApiError(402, 'insufficient_credit', 'Your account does not have enough credit for this request. Top up your wallet and try again.');
    }
    state.balanceUsd = Math.round((state.balanceUsd - cost) * 100) / 100;
    state.spentUsd = Math.round((state.spentUsd + cost) * 100) / 100;
  }
}

interface Compiled { def: RouteDef; segs: string[]; statics: number }

function compile(routes: RouteDef[]): Compiled[] {
  return routes.map((def) => {
    const segs = def.path.split('/').filter(Boolean);
    return { def, segs, statics: segs.filter((s) => !s.startsWith('{')).length };
  });
}

function match(routes: Compiled[], method: string, path: string): { route?: Compiled; params: Record<string, string>; allowed: string[] } {
  const parts = path.split('/').filter(Boolean);
  let best: { route: Compiled; params: Record<string, string> } | undefined;
  const allowed = new Set<string>();
  let bestStatics = -1;
  for (const r of routes) {
    if (r.segs.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let okay = true;
    for (let i = 0; i < parts.length; i++) {
      const seg = r.segs[i] as string;
      const part = parts[i] as string;
      if (seg.startsWith('{')) {
        let v: string;
        try { v = decodeURIComponent(part); } catch { okay = false; break; }
        params[seg.slice(1, -1)] = v;
      } else if (seg !== part) { okay = false; break; }
    }
    if (!okay) continue;
    // A static segment beats a parameter at the same position (e.g. /v3/videos/statuses).
    if (r.statics < bestStatics) continue;
    if (r.statics > bestStatics) { allowed.clear(); best = undefined; bestStatics = r.statics; }
    allowed.add(r.def.method);
    if (r.def.method === method) best = { route: r, params };
  }
  return { route: best?.route, params: best?.params ?? {}, allowed: [...allowed] };
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: Buffer.from(JSON.stringify(body)) };
}

export function errorReply(e: ApiError): Reply {
  const error: Record<string, unknown> = { code: e.code, message: e.message };
  if (e.param) error['param'] = e.param;
  return json(e.status, { error }, e.headers);
}

function lowerHeaders(req: IncomingMessage): Record<string, string> {
  const h: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) h[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return h;
}

const GATEWAY_HTML = (status: number) => `<!DOCTYPE html>\n<html><head><title>${status} Bad Gateway</title></head><body><center><h1>${status} Bad Gateway</h1></center><hr><center>cloudfront</center></body></html>\n`;

export interface Running {
  server: Server;
  core: SimCore;
  requests: RecordedRequest[];
  faults: (Fault & { left: number })[];
  close(): Promise<void>;
}

export async function startServer(opts: SimulatorOptions, routes: RouteDef[], upload: (ctx: UploadCtx) => Promise<Reply>): Promise<Running> {
  const core = new SimCore(opts);
  const compiled = compile(routes);
  const requests: RecordedRequest[] = [];
  const faults: (Fault & { left: number })[] = [];
  let counter = 0;
  const sockets = new Set<import('node:net').Socket>();

  const takeFault = (method: string, path: string): Fault | undefined => {
    const isFile = path.startsWith('/files/');
    const i = faults.findIndex((f) => {
      if (f.kind === 'expired_url' && !isFile) return false;
      if (f.method && f.method.toUpperCase() !== method) return false;
      if (f.path !== undefined) {
        if (f.path instanceof RegExp) { f.path.lastIndex = 0; if (!f.path.test(path)) return false; }
        else if (f.path.endsWith('*') ? !path.startsWith(f.path.slice(0, -1)) : f.path !== path) return false;
      }
      return true;
    });
    if (i < 0) return undefined;
    const f = faults[i] as Fault & { left: number };
    f.left -= 1;
    if (f.left <= 0) faults.splice(i, 1);
    return f;
  };

  const send = (res: ServerResponse, reply: Reply, requestId: string) => {
    if (res.destroyed) return;
    res.writeHead(reply.status, { ...reply.headers, 'x-request-id': requestId, 'content-length': String(reply.body.length) });
    res.end(reply.body);
  };

  const handleApi = async (method: string, url: URL, headers: Record<string, string>, rawBody: Buffer, query: Record<string, string>): Promise<Reply> => {
    const path = url.pathname;
    try {
      const m = match(compiled, method, path);
      if (!m.route) {
        if (m.allowed.length) throw new ApiError(405, 'method_not_allowed', `${method} is not supported on ${path}`, undefined, { allow: m.allowed.join(', ') });
        throw new ApiError(404, 'not_found', `No route for ${method} ${path}`);
      }
      const bearer = headers['authorization']?.match(/^Bearer\s+(.+)$/i)?.[1];
      const key = headers['x-api-key'] ?? bearer;
      if (key === undefined || key === '') throw new ApiError(401, 'unauthorized', 'Missing API key: send it in the x-api-key header');
      if (!core.apiKeys.includes(key)) throw new ApiError(401, 'invalid_credentials', 'The API key is not valid');
      let body: unknown = undefined;
      if (!m.route.def.multipart && rawBody.length > 0) {
        try { body = JSON.parse(rawBody.toString('utf8')); } catch {
          throw new ApiError(400, 'invalid_parameter', 'The request body is not valid JSON', 'body');
        }
      }
      const out = await m.route.def.handler({ method, path, params: m.params, query, headers, body, rawBody, key, state: core.state(key), core });
      return json(out.status ?? 200, out.body, out.headers);
    } catch (e) {
      if (e instanceof ApiError) return errorReply(e);
      console.error('[sandbox] handler error', e);
      return errorReply(new ApiError(500, 'internal_error', 'The simulator hit an internal error'));
    }
  };

  const serveFile = (url: URL, query: Record<string, string>, requestId: string, method: string): Reply => {
    const name = decodeURIComponent(url.pathname.slice('/files/'.length));
    const checked = core.signer.check(name, query);
    if ('error' in checked) {
      const code = checked.error.includes('does not exist') ? 'NoSuchKey' : 'AccessDenied';
      return { status: code === 'NoSuchKey' ? 404 : 403, headers: { 'content-type': 'application/xml' }, body: Buffer.from(s3Error(code, checked.error, requestId)) };
    }
    const buf = readFixture(checked.fixture) as Buffer;
    return {
      status: 200,
      headers: {
        'content-type': FIXTURES[checked.fixture] as string, 'accept-ranges': 'none', 'cache-control': 'private, max-age=0',
        etag: `"${createHash('md5').update(buf).digest('hex')}"`,
      },
      body: method === 'HEAD' ? Buffer.alloc(0) : buf,
    };
  };

  const faultReply = (f: Fault): Reply | 'reset' | undefined => {
    switch (f.kind) {
      case 'rate_limit':
        return json(429, { error: { code: 'rate_limit_exceeded', message: 'Too many requests. Slow down and retry later.' } }, { 'retry-after': f.retryAfter ?? '1' });
      case 'status': {
        const status = f.status ?? 500;
        const code = codeForStatus(status);
        const headers: Record<string, string> = f.retryAfter ? { 'retry-after': f.retryAfter } : {};
        return json(status, { error: { code, message: status >= 500 ? 'An internal error occurred. Please retry.' : `Simulated ${status} error` } }, headers);
      }
      case 'html':
        return { status: f.status ?? 502, headers: { 'content-type': 'text/html; charset=utf-8' }, body: Buffer.from(GATEWAY_HTML(f.status ?? 502)) };
      case 'empty':
        return { status: f.status ?? 502, headers: {}, body: Buffer.alloc(0) };
      case 'reset':
        return 'reset';
      case 'expired_url':
        return { status: 403, headers: { 'content-type': 'application/xml' }, body: Buffer.from(s3Error('AccessDenied', 'Request has expired', 'sandbox')) };
      default:
        return undefined; // slow, truncated: handled around the normal reply
    }
  };

  const server = createServer((req, res) => {
    void (async () => {
      counter += 1;
      const requestId = `req_${counter.toString(16).padStart(6, '0')}${randomBytes(5).toString('hex')}`;
      const method = (req.method ?? 'GET').toUpperCase();
      const url = new URL(req.url ?? '/', 'http://sandbox.local');
      const query: Record<string, string> = {};
      for (const [k, v] of url.searchParams) if (!(k in query)) query[k] = v;
      const headers = lowerHeaders(req);
      const path = url.pathname;

      // Presigned PUT uploads are streamed, never buffered.
      if (method === 'PUT' && path.startsWith('/uploads/')) {
        requests.push({ method, path, query, headers, body: null, rawBody: Buffer.alloc(0) });
        const f = takeFault(method, path);
        if (f) {
          if (f.kind === 'slow') await new Promise((r) => setTimeout(r, f.delayMs ?? 2000));
          const fr = faultReply(f);
          if (fr === 'reset') { req.socket.destroy(); return; }
          if (fr) { req.resume(); send(res, fr, requestId); return; }
        }
        const reply = await upload({ core, req, id: decodeURIComponent(path.slice('/uploads/'.length)), query, headers, requestId });
        send(res, reply, requestId);
        return;
      }

      const chunks: Buffer[] = [];
      let size = 0;
      let tooBig = false;
      for await (const chunk of req as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > MAX_BODY) { tooBig = true; continue; }
        chunks.push(chunk);
      }
      const rawBody = tooBig ? Buffer.alloc(0) : Buffer.concat(chunks);
      let parsed: unknown = undefined;
      if (rawBody.length && (headers['content-type'] ?? '').includes('json')) {
        try { parsed = JSON.parse(rawBody.toString('utf8')); } catch { parsed = rawBody.toString('utf8'); }
      }
      requests.push({ method, path, query, headers, body: parsed, rawBody });

      const f = takeFault(method, path);
      if (f?.kind === 'slow') await new Promise((r) => setTimeout(r, f.delayMs ?? 2000));
      if (f) {
        const fr = faultReply(f);
        if (fr === 'reset') { req.socket.destroy(); return; }
        if (fr) { send(res, fr, requestId); return; }
      }

      let reply: Reply;
      if (tooBig) reply = errorReply(new ApiError(413, 'payload_too_large', `Request body exceeds ${MAX_BODY} bytes`));
      else if ((method === 'GET' || method === 'HEAD') && path.startsWith('/files/')) reply = serveFile(url, query, requestId, method);
      else if (path.startsWith('/v3/')) reply = await handleApi(method, url, headers, rawBody, query);
      else reply = errorReply(new ApiError(404, 'not_found', `No route for ${method} ${path}`));

      if (f?.kind === 'truncated') {
        const cut = reply.body.subarray(0, Math.max(1, Math.floor(reply.body.length / 2)));
        res.writeHead(200, { ...reply.headers, 'x-request-id': requestId, 'content-length': String(reply.body.length + 64) });
        res.write(cut, () => setTimeout(() => res.destroy(), 5));
        return;
      }
      send(res, reply, requestId);
    })().catch((e: unknown) => {
      console.error('[sandbox] request failed', e);
      if (!res.headersSent) { res.statusCode = 500; res.end(); } else res.destroy();
    });
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  core.baseUrl = `http://127.0.0.1:${port}`;
  return {
    server, core, requests, faults,
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

export interface UploadCtx { core: SimCore; req: IncomingMessage; id: string; query: Record<string, string>; headers: Record<string, string>; requestId: string }
export type { Reply };
