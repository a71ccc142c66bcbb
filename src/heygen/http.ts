import type { Dispatcher, FormData } from 'undici';
import { sleep } from '../net/sleep.js';
import { request } from '../net/undici.js';
import type { Readable } from 'node:stream';
import type { z } from 'zod';
import { HeyGenError, fallbackCode } from './errors.js';
import { pageOf, type Page } from './pagination.js';
import { MAX_DELAY_MS, parseRetryAfter, retryDelayMs, shouldRetry, type Outcome } from './retry-policy.js';
import { scrub } from '../log.js';

export type { Page };

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Per-call options every client method accepts. */
export interface CallOptions {
  signal?: AbortSignal | undefined;
  /** Build the request but do not send it (non-GET only): throws DryRunStop carrying the request. */
  dryRun?: boolean | undefined;
}

export interface RequestSpec {
  method: HttpMethod;
  /** Path template already filled, e.g. `/v3/videos/abc`. Segments must be escaped with `seg()`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined> | undefined;
  /** JSON body; `undefined` sends no body at all. */
  body?: unknown;
  /** A multipart body (undici FormData). Sent once: never replayed by the retry loop. */
  form?: FormData | undefined;
  /** A raw body (a stream or bytes) with its content type. Sent once: never replayed. */
  raw?: { body: Readable | Buffer; contentType: string; contentLength?: number } | undefined;
  headers?: Record<string, string> | undefined;
  timeoutMs?: number | undefined;
}

/** Thrown by a dry-run call instead of sending: the exact request HeyGen would have received. */
export class DryRunStop extends Error {
  override readonly name = 'DryRunStop';
  constructor(readonly request: { method: HttpMethod; path: string; query?: Record<string, string>; body?: unknown }) {
    super('dry run');
  }
}

export interface HttpOptions {
  apiKey: string;
  baseUrl?: string | undefined;
  dispatcher?: Dispatcher | undefined;
  maxRetries?: number | undefined;
  userAgent?: string | undefined;
  /** Injected by tests: how to wait between retries and where jitter comes from. */
  sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
  random?: (() => number) | undefined;
  /** Called once per HTTP attempt (benchmarks count upstream requests with it). */
  onAttempt?: ((method: string, path: string) => void) | undefined;
}

export const TIMEOUTS = { GET: 30_000, OTHER: 120_000, UPLOAD: 600_000 } as const;
const MAX_ERROR_BODY = 64 * 1024;

/** Escapes one path segment (ids come from agents; never let them add path structure). */
export function seg(value: string): string {
  // URL parsing resolves `.` and `..` (even percent-encoded) as dot segments, so they would
  // change which endpoint is called; no HeyGen id looks like that.
  if (value === '' || /^(\.|%2e)+$/i.test(value)) {
    throw new HeyGenError({ code: 'invalid_parameter', message: `"${value}" is not a valid id`, param: 'id' });
  }
  return encodeURIComponent(value);
}

/** Drops `null` members recursively: the client hands out `undefined` for "absent", never null. */
export function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropNulls);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== null) out[k] = dropNulls(v);
    return out;
  }
  return value;
}

/**
 * The wire layer of the HeyGen client: auth header, timeouts, the retry policy, envelopes and
 * error mapping. Methods above it only say which operation and which body.
 */
export class HeyGenHttp {
  readonly baseUrl: string;
  private readonly apiKey: string;
  private readonly dispatcher: Dispatcher | undefined;
  private readonly maxRetries: number;
  private readonly userAgent: string;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly random: () => number;
  private readonly onAttempt: ((method: string, path: string) => void) | undefined;

  constructor(opts: HttpOptions) {
    this.apiKey = opts.apiKey;
    this.baseUrl = (opts.baseUrl ?? 'https://api.heygen.com').replace(/\/+$/, '');
    this.dispatcher = opts.dispatcher;
    this.maxRetries = opts.maxRetries ?? 2;
    this.userAgent = opts.userAgent ?? 'heygen-mcp';
    this.sleep = opts.sleep ?? sleep;
    this.random = opts.random ?? Math.random;
    this.onAttempt = opts.onAttempt;
  }

  /** Sends a request whose success envelope is `{data}` and parses `data` with `schema`. */
  async data<S extends z.ZodType>(spec: RequestSpec, schema: S, opts: CallOptions = {}): Promise<z.output<S>> {
    const json = await this.send(spec, opts);
    const data = (json as { data?: unknown } | undefined)?.data;
    return this.parse(schema, data ?? {}, spec);
  }

  /** Sends a list request; returns the items and the cursor of the next page. */
  async page<S extends z.ZodType>(spec: RequestSpec, item: S, opts: CallOptions = {}): Promise<Page<z.output<S>>> {
    const json = (await this.send(spec, opts)) as { data?: unknown; has_more?: unknown; next_token?: unknown } | undefined;
    const raw = Array.isArray(json?.data) ? json.data : [];
    return pageOf(raw.map((it) => this.parse(item, it, spec)), json?.has_more, json?.next_token);
  }

  private parse<S extends z.ZodType>(schema: S, value: unknown, spec: RequestSpec): z.output<S> {
    const result = schema.safeParse(dropNulls(value));
    if (result.success) return result.data;
    const issue = result.error.issues[0];
    throw new HeyGenError({
      code: 'invalid_response',
      message: `HeyGen answered ${spec.method} ${spec.path} with an unexpected shape${issue ? ` (${issue.path.join('.') || 'root'}: ${issue.message})` : ''}`,
      method: spec.method,
      path: spec.path,
    });
  }

  /** Sends with retries; returns the parsed JSON body of a 2xx answer. */
  async send(spec: RequestSpec, opts: CallOptions = {}): Promise<unknown> {
    const url = this.url(spec);
    if (opts.dryRun && spec.method !== 'GET') {
      const query = spec.query ? stringQuery(spec.query) : undefined;
      throw new DryRunStop({ method: spec.method, path: spec.path, ...(query && Object.keys(query).length ? { query } : {}), ...(spec.body !== undefined ? { body: spec.body } : {}) });
    }
    const replayable = spec.form === undefined && spec.raw === undefined;
    for (let attempt = 0; ; attempt++) {
      let outcome: Outcome;
      let failure: HeyGenError;
      try {
        return await this.once(spec, url, opts.signal);
      } catch (err) {
        if (!(err instanceof HeyGenError)) throw err;
        failure = err;
        outcome = err.code === 'timeout' ? { kind: 'timeout' }
          : err.status === undefined ? { kind: 'network' }
          : { kind: 'status', status: err.status, retryAfterMs: err.retryAfterMs };
      }
      if (attempt >= this.maxRetries || !shouldRetry(spec.method, outcome, replayable)) {
        throw markAmbiguous(failure, spec.method);
      }
      // HeyGen asked for a longer pause than we ever wait: waiting the cap and asking again
      // would only be refused again, so the caller hears the wait at once.
      if (outcome.kind === 'status' && outcome.retryAfterMs !== undefined && outcome.retryAfterMs > MAX_DELAY_MS) throw failure;
      const delay = retryDelayMs(attempt, outcome.kind === 'status' ? outcome.retryAfterMs : undefined, this.random);
      await this.sleep(delay, opts.signal);
    }
  }

  private url(spec: RequestSpec): string {
    const u = new URL(this.baseUrl + spec.path);
    if (spec.query) for (const [k, v] of Object.entries(stringQuery(spec.query))) u.searchParams.set(k, v);
    return u.toString();
  }

  private async once(spec: RequestSpec, url: string, signal: AbortSignal | undefined): Promise<unknown> {
    const timeoutMs = spec.timeoutMs ?? (spec.method === 'GET' ? TIMEOUTS.GET : TIMEOUTS.OTHER);
    const timer = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timer]) : timer;
    const headers: Record<string, string> = {
      'x-api-key': this.apiKey,
      accept: 'application/json',
      'user-agent': this.userAgent,
      ...spec.headers,
    };
    let body: string | FormData | Readable | Buffer | undefined;
    if (spec.form) body = spec.form;
    else if (spec.raw) {
      body = spec.raw.body;
      headers['content-type'] = spec.raw.contentType;
      if (spec.raw.contentLength !== undefined) headers['content-length'] = String(spec.raw.contentLength);
    }
    else if (spec.body !== undefined) {
      body = JSON.stringify(spec.body);
      headers['content-type'] = 'application/json';
    }
    this.onAttempt?.(spec.method, spec.path);
    let status: number;
    let resHeaders: Record<string, string | string[] | undefined>;
    let text: string;
    try {
      const res = await request(url, {
        method: spec.method,
        headers,
        body,
        signal: combined,
        dispatcher: this.dispatcher,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      status = res.statusCode;
      resHeaders = res.headers;
      try {
        text = status >= 400 ? await readCapped(res.body, MAX_ERROR_BODY) : await res.body.text();
      } catch (err) {
        if (signal?.aborted || timer.aborted || isUndiciTimeout(err)) throw err;
        // Reached HeyGen and got a status, then the body broke off: not "could not reach".
        // Kept a transport failure (no status) so the retry policy treats it as one.
        throw new HeyGenError({ code: 'network_error', message: `HeyGen's answer to ${spec.method} ${spec.path} broke off part-way (status ${status}, ${errorCode(err)})`, requestId: header(res.headers, 'x-request-id'), method: spec.method, path: spec.path, cause: err });
      }
    } catch (err) {
      if (err instanceof HeyGenError) throw err;
      if (signal?.aborted) throw signal.reason ?? err;
      if (timer.aborted || isUndiciTimeout(err)) {
        throw new HeyGenError({ code: 'timeout', message: `HeyGen did not answer ${spec.method} ${spec.path} within ${Math.round(timeoutMs / 1000)} s`, method: spec.method, path: spec.path, cause: err });
      }
      throw new HeyGenError({ code: 'network_error', message: `Could not reach HeyGen (${errorCode(err)})`, method: spec.method, path: spec.path, cause: err });
    }
    const requestId = header(resHeaders, 'x-request-id');
    if (status >= 300 && status < 400) {
      throw new HeyGenError({ code: 'unexpected_redirect', status, message: `HeyGen answered ${status} with a redirect, which is not followed`, requestId, method: spec.method, path: spec.path });
    }
    if (status >= 400) throw errorFromResponse(status, text, resHeaders, requestId, spec);
    if (text.trim() === '') return undefined;
    try {
      return JSON.parse(text);
    } catch (err) {
      // A 2xx whose body is not JSON: a cut-off body or a proxy page. Treated as a transport failure.
      throw new HeyGenError({ code: 'invalid_response', message: `HeyGen sent an unreadable answer to ${spec.method} ${spec.path}`, requestId, method: spec.method, path: spec.path, cause: err });
    }
  }
}


function errorFromResponse(status: number, text: string, headers: Record<string, string | string[] | undefined>, requestId: string | undefined, spec: RequestSpec): HeyGenError {
  let code = fallbackCode(status);
  let message = `HeyGen answered ${status}`;
  let param: string | undefined;
  try {
    const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown; param?: unknown } };
    const e = parsed?.error;
    if (e && typeof e === 'object') {
      if (typeof e.code === 'string' && e.code !== '' && e.code !== 'error') code = e.code;
      if (typeof e.message === 'string' && e.message.trim() !== '') message = e.message.trim().slice(0, 300);
      if (typeof e.param === 'string' && e.param !== '') param = e.param;
    }
  } catch {
    // Not JSON (a gateway page, an empty body): the status-derived code stands.
  }
  return new HeyGenError({
    code, status, message: scrub(message), param, requestId,
    retryAfterMs: parseRetryAfter(header(headers, 'retry-after')),
    method: spec.method, path: spec.path,
  });
}

/** A write that failed after it may have reached HeyGen might have taken effect. */
function markAmbiguous(err: HeyGenError, method: string): HeyGenError {
  if (method === 'GET') return err;
  const late = err.code === 'timeout' || err.code === 'network_error' || err.code === 'invalid_response' || (err.status !== undefined && err.status >= 500);
  if (!late) return err;
  return new HeyGenError({ code: err.code, status: err.status, message: err.message, param: err.param, requestId: err.requestId, retryAfterMs: err.retryAfterMs, method: err.method, path: err.path, ambiguous: true, cause: err });
}

function header(h: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
}

async function readCapped(body: AsyncIterable<Buffer | Uint8Array> & { destroy?: () => void }, max: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const b = Buffer.from(chunk);
    chunks.push(b);
    size += b.length;
    if (size >= max) { body.destroy?.(); break; }
  }
  return Buffer.concat(chunks).subarray(0, max).toString('utf8');
}

function stringQuery(q: Record<string, string | number | boolean | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') out[k] = String(v);
  return out;
}

function isUndiciTimeout(err: unknown): boolean {
  const code = (err as { code?: string } | undefined)?.code;
  return code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT';
}

function errorCode(err: unknown): string {
  const e = err as { code?: string; cause?: { code?: string } } | undefined;
  return e?.code ?? e?.cause?.code ?? 'connection failed';
}
