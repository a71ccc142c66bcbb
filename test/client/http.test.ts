import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HeyGenError } from '../../src/heygen/errors.js';
import { DryRunStop, HeyGenHttp } from '../../src/heygen/http.js';
import { collectPages } from '../../src/heygen/pagination.js';

const BASE = 'https://api.heygen.test';
const KEY = 'sk_canary_4f1d9e7b2c';
const Item = z.object({ id: z.string() });

let agent: MockAgent;
let sleeps: number[];
let attempts: number;

function client(opts: { maxRetries?: number } = {}) {
  return new HeyGenHttp({
    apiKey: KEY, baseUrl: BASE, dispatcher: agent, maxRetries: opts.maxRetries,
    sleep: async (ms) => { sleeps.push(ms); }, random: () => 0.5, onAttempt: () => { attempts++; },
  });
}
const pool = () => agent.get(BASE);

beforeEach(() => {
  agent = new MockAgent();
  agent.disableNetConnect();
  sleeps = [];
  attempts = 0;
});
afterEach(async () => {
  await agent.close();
});

describe('envelopes', () => {
  it('unwraps {data} and sends x-api-key, accept and no body on GET', async () => {
    pool().intercept({ path: '/v3/users/me', method: 'GET', headers: { 'x-api-key': KEY, accept: 'application/json' } })
      .reply(200, { data: { username: 'u1', email: null } });
    const out = await client().data({ method: 'GET', path: '/v3/users/me' }, z.object({ username: z.string(), email: z.string().optional() }));
    expect(out).toEqual({ username: 'u1' });
  });

  it('sends JSON bodies with content-type application/json', async () => {
    pool().intercept({ path: '/v3/videos', method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'avatar', script: 'hi' }) })
      .reply(200, { data: { video_id: 'v1' } });
    const out = await client().data({ method: 'POST', path: '/v3/videos', body: { type: 'avatar', script: 'hi' } }, z.object({ video_id: z.string() }));
    expect(out.video_id).toBe('v1');
  });

  it('reads list pages: items, has_more and next_token', async () => {
    pool().intercept({ path: '/v3/voices?limit=2', method: 'GET' }).reply(200, { data: [{ id: 'a' }, { id: 'b', extra: 1 }], has_more: true, next_token: 't2' });
    const page = await client().page({ method: 'GET', path: '/v3/voices', query: { limit: 2, token: undefined } }, Item);
    expect(page).toEqual({ items: [{ id: 'a' }, { id: 'b' }], hasMore: true, nextToken: 't2' });
  });

  it('tolerates unknown fields and rejects a wrong shape with invalid_response', async () => {
    pool().intercept({ path: '/v3/x', method: 'GET' }).reply(200, { data: { id: 5 } });
    const err = await client().data({ method: 'GET', path: '/v3/x' }, Item).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HeyGenError);
    expect((err as HeyGenError).code).toBe('invalid_response');
  });
});

describe('errors', () => {
  it('maps a v3 error envelope with code, param, message and X-Request-Id', async () => {
    pool().intercept({ path: '/v3/videos', method: 'POST' }).reply(400,
      { error: { code: 'invalid_parameter', message: 'script is too long', param: 'script' } }, { headers: { 'x-request-id': 'req-1' } });
    const err = (await client().send({ method: 'POST', path: '/v3/videos', body: {} }).catch((e: unknown) => e)) as HeyGenError;
    expect(err).toMatchObject({ code: 'invalid_parameter', status: 400, param: 'script', requestId: 'req-1', message: 'script is too long', ambiguous: false });
    expect(attempts).toBe(1);
  });

  it.each([
    [413, 'payload_too_large'], [401, 'unauthorized'], [409, 'conflict'], [402, 'insufficient_credit'], [404, 'not_found'],
    [400, 'validation_error'], [403, 'forbidden'], [418, 'unclassified_client_error'], [501, 'unclassified_server_error'],
  ])('falls back to a code from the status for a non-JSON %i body', async (status, code) => {
    pool().intercept({ path: '/v3/x', method: 'GET' }).reply(status, '<html><body>Bad Gateway</body></html>', { headers: { 'content-type': 'text/html' } });
    const err = (await client({ maxRetries: 0 }).send({ method: 'GET', path: '/v3/x' }).catch((e: unknown) => e)) as HeyGenError;
    expect(err.code).toBe(code);
    expect(err.message).not.toContain('<html>');
  });

  it('treats code "" or "error" as absent and keeps the status fallback', async () => {
    pool().intercept({ path: '/v3/x', method: 'GET' }).reply(404, { error: { code: 'error', message: '' } });
    const err = (await client().send({ method: 'GET', path: '/v3/x' }).catch((e: unknown) => e)) as HeyGenError;
    expect(err.code).toBe('not_found');
  });

  it('treats an empty error body as a status fallback', async () => {
    pool().intercept({ path: '/v3/x', method: 'DELETE' }).reply(403, '');
    const err = (await client().send({ method: 'DELETE', path: '/v3/x' }).catch((e: unknown) => e)) as HeyGenError;
    expect(err.code).toBe('forbidden');
  });

  it('reports a truncated 2xx body as invalid_response', async () => {
    pool().intercept({ path: '/v3/x', method: 'POST' }).reply(200, '{"data": {"video_id": "v');
    const err = (await client().send({ method: 'POST', path: '/v3/x', body: {} }).catch((e: unknown) => e)) as HeyGenError;
    expect(err.code).toBe('invalid_response');
    expect(err.ambiguous).toBe(true);
  });

  it('never puts the API key in an error message, even when HeyGen echoes it', async () => {
    pool().intercept({ path: '/v3/x', method: 'GET' }).reply(401, { error: { code: 'invalid_credentials', message: `key ${KEY} is not valid` } });
    const { redact } = await import('../../src/log.js');
    redact(KEY);
    const err = (await client().send({ method: 'GET', path: '/v3/x' }).catch((e: unknown) => e)) as HeyGenError;
    expect(err.message).not.toContain(KEY);
    expect(JSON.stringify(err)).not.toContain(KEY);
  });

  it('does not follow redirects (no key leaves for another host)', async () => {
    pool().intercept({ path: '/v3/x', method: 'GET' }).reply(302, '', { headers: { location: 'https://evil.example/steal' } });
    const err = (await client().send({ method: 'GET', path: '/v3/x' }).catch((e: unknown) => e)) as HeyGenError;
    expect(err.code).toBe('unexpected_redirect');
    expect(attempts).toBe(1);
  });
});

describe('retry policy', () => {
  it('retries 429 on GET after Retry-After (7 s) and succeeds', async () => {
    pool().intercept({ path: '/v3/x', method: 'GET' }).reply(429, { error: { code: 'rate_limit_exceeded', message: 'slow down' } }, { headers: { 'retry-after': '7' } });
    pool().intercept({ path: '/v3/x', method: 'GET' }).reply(200, { data: { id: 'ok' } });
    const out = await client().data({ method: 'GET', path: '/v3/x' }, Item);
    expect(out.id).toBe('ok');
    expect(sleeps).toEqual([7000]);
  });

  it('retries 429 on POST too (HeyGen refused without acting)', async () => {
    pool().intercept({ path: '/v3/videos', method: 'POST' }).reply(429, { error: { code: 'rate_limit_exceeded', message: 'x' } });
    pool().intercept({ path: '/v3/videos', method: 'POST' }).reply(200, { data: { id: 'v' } });
    await client().data({ method: 'POST', path: '/v3/videos', body: {} }, Item);
    expect(attempts).toBe(2);
  });

  it('fails at once, with the wait, when Retry-After (3600 s) is beyond the 30 s cap', async () => {
    pool().intercept({ path: '/v3/x', method: 'GET' }).reply(429, {}, { headers: { 'retry-after': '3600' } });
    const err = (await client().data({ method: 'GET', path: '/v3/x' }, Item).catch((e: unknown) => e)) as HeyGenError;
    expect(err.code).toBe('rate_limit_exceeded');
    expect(err.retryAfterMs).toBe(3_600_000);
    expect(attempts).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('still waits a Retry-After of exactly 30 s (the cap)', async () => {
    pool().intercept({ path: '/v3/x', method: 'GET' }).reply(429, {}, { headers: { 'retry-after': '30' } });
    pool().intercept({ path: '/v3/x', method: 'GET' }).reply(200, { data: { id: 'ok' } });
    await client().data({ method: 'GET', path: '/v3/x' }, Item);
    expect(sleeps).toEqual([30_000]);
  });

  it('accepts Retry-After as an HTTP date', async () => {
    const at = new Date(Date.now() + 5_000).toUTCString();
    pool().intercept({ path: '/v3/x', method: 'GET' }).reply(429, {}, { headers: { 'retry-after': at } });
    pool().intercept({ path: '/v3/x', method: 'GET' }).reply(200, { data: { id: 'ok' } });
    await client().data({ method: 'GET', path: '/v3/x' }, Item);
    expect(sleeps[0]).toBeGreaterThan(2_000);
    expect(sleeps[0]).toBeLessThanOrEqual(5_000);
  });

  it('retries 5xx on GET at most twice with backoff 1 s then 2 s', async () => {
    pool().intercept({ path: '/v3/x', method: 'GET' }).reply(503, {}).times(3);
    const err = (await client().send({ method: 'GET', path: '/v3/x' }).catch((e: unknown) => e)) as HeyGenError;
    expect(err.status).toBe(503);
    expect(attempts).toBe(3);
    expect(sleeps).toEqual([1000, 2000]);
  });

  it('never retries 5xx on POST and marks the failure ambiguous', async () => {
    pool().intercept({ path: '/v3/videos', method: 'POST' }).reply(500, { error: { code: 'internal_error', message: 'boom' } });
    const err = (await client().send({ method: 'POST', path: '/v3/videos', body: {} }).catch((e: unknown) => e)) as HeyGenError;
    expect(attempts).toBe(1);
    expect(err.ambiguous).toBe(true);
  });

  it('retries a connection reset on GET but not on POST', async () => {
    pool().intercept({ path: '/v3/x', method: 'GET' }).replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    pool().intercept({ path: '/v3/x', method: 'GET' }).reply(200, { data: { id: 'ok' } });
    await client().data({ method: 'GET', path: '/v3/x' }, Item);
    expect(attempts).toBe(2);

    attempts = 0;
    pool().intercept({ path: '/v3/videos', method: 'POST' }).replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    const err = (await client().send({ method: 'POST', path: '/v3/videos', body: {} }).catch((e: unknown) => e)) as HeyGenError;
    expect(attempts).toBe(1);
    expect(err.code).toBe('network_error');
    expect(err.ambiguous).toBe(true);
  });

  it('never retries a timeout (GET, 50 ms budget)', async () => {
    pool().intercept({ path: '/v3/x', method: 'GET' }).reply(200, { data: { id: 'late' } }).delay(500);
    const err = (await client().send({ method: 'GET', path: '/v3/x', timeoutMs: 50 }).catch((e: unknown) => e)) as HeyGenError;
    expect(err.code).toBe('timeout');
    expect(attempts).toBe(1);
  });

  it('does not retry other 4xx', async () => {
    pool().intercept({ path: '/v3/x', method: 'GET' }).reply(404, { error: { code: 'video_not_found', message: 'no' } });
    const err = (await client().send({ method: 'GET', path: '/v3/x' }).catch((e: unknown) => e)) as HeyGenError;
    expect(err.code).toBe('video_not_found');
    expect(attempts).toBe(1);
  });

  it('HEYGEN_MAX_RETRIES=0 disables retries', async () => {
    pool().intercept({ path: '/v3/x', method: 'GET' }).reply(503, {});
    await client({ maxRetries: 0 }).send({ method: 'GET', path: '/v3/x' }).catch(() => undefined);
    expect(attempts).toBe(1);
  });

  it('stops waiting when the caller cancels', async () => {
    const ac = new AbortController();
    pool().intercept({ path: '/v3/x', method: 'GET' }).reply(200, { data: { id: 'late' } }).delay(2_000);
    setTimeout(() => ac.abort(new Error('user hit stop')), 30);
    const err = (await client().send({ method: 'GET', path: '/v3/x' }, { signal: ac.signal }).catch((e: unknown) => e)) as Error;
    expect(err.message).toBe('user hit stop');
    expect(attempts).toBe(1);
  });
});

describe('dry run and pagination', () => {
  it('a dry-run POST throws DryRunStop with the exact request and sends nothing', async () => {
    const err = (await client().send({ method: 'POST', path: '/v3/videos', body: { type: 'avatar' } }, { dryRun: true }).catch((e: unknown) => e)) as DryRunStop;
    expect(err).toBeInstanceOf(DryRunStop);
    expect(err.request).toEqual({ method: 'POST', path: '/v3/videos', body: { type: 'avatar' } });
    expect(attempts).toBe(0);
  });

  it('collectPages follows next_token until has_more is false', async () => {
    pool().intercept({ path: '/v3/v?limit=2', method: 'GET' }).reply(200, { data: [{ id: '1' }, { id: '2' }], has_more: true, next_token: 'b' });
    pool().intercept({ path: '/v3/v?limit=2&token=b', method: 'GET' }).reply(200, { data: [{ id: '3' }], has_more: false, next_token: null });
    const c = client();
    const out = await collectPages((token) => c.page({ method: 'GET', path: '/v3/v', query: { limit: 2, token } }, Item));
    expect(out.items.map((i) => i.id)).toEqual(['1', '2', '3']);
    expect(out.pages).toBe(2);
    expect(out.nextToken).toBeUndefined();
  });

  it('collectPages stops at maxItems and returns the cursor to resume', async () => {
    pool().intercept({ path: '/v3/v?limit=2', method: 'GET' }).reply(200, { data: [{ id: '1' }, { id: '2' }], has_more: true, next_token: 'b' });
    const c = client();
    const out = await collectPages((token) => c.page({ method: 'GET', path: '/v3/v', query: { limit: 2, token } }, Item), { maxItems: 2 });
    expect(out.nextToken).toBe('b');
  });
});
