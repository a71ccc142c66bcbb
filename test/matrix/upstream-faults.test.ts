/**
 * Matrix B (anchors-reliability §4): upstream faults injected into the simulator, judged through
 * the MCP result, the request log of the simulator and the retry sleeps the client asked for.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connect, textOf, type Harness } from '../helpers/harness.js';
import { recordSleeps } from './helpers.js';

const ME = '/v3/users/me';
const TRANSLATE = { video: 'https://example.com/v.mp4', output_languages: ['Spanish'] };

let h: Harness;
let sleeps: number[];
const unhandled: unknown[] = [];
const onUnhandled = (r: unknown) => { unhandled.push(r); };
beforeAll(async () => {
  h = await connect({ argv: ['--toolsets', 'all'] });
  process.on('unhandledRejection', onUnhandled);
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await h.close();
});
beforeEach(() => {
  sleeps = recordSleeps(h);
  h.sim.clearFaults();
  h.sim.clearRequests();
});
afterEach(() => {
  expect(unhandled).toEqual([]);
});

const count = (method: string, path: string) => h.sim.apiRequests().filter((r) => r.method === method && r.path === path).length;

describe('B1: rate limits', () => {
  it('429 with Retry-After: 2 on GET → one retry after ≥ 2 s, then success; 2 upstream requests', async () => {
    h.sim.fault({ path: ME, kind: 'rate_limit', retryAfter: '2' });
    await h.ok('get_account');
    expect(count('GET', ME)).toBe(2);
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThanOrEqual(2_000);
  });

  it('429 with Retry-After: 86400 (beyond the 30 s cap) → fails at once: 1 attempt, no wait, isError saying rate limit with the wait time', async () => {
    h.sim.fault({ path: ME, kind: 'rate_limit', retryAfter: '86400', times: 5 });
    const text = await h.fails('get_account');
    expect(count('GET', ME)).toBe(1);
    expect(sleeps).toHaveLength(0);
    expect(text).toMatch(/rate limit.*retry in 86400 s \(about 24 h\)/i);
  });

  it('429 on a create POST → retried (HeyGen refused without acting): exactly 2 POSTs, one job', async () => {
    h.sim.fault({ method: 'POST', path: '/v3/video-translations', kind: 'rate_limit', retryAfter: '1' });
    const r = await h.ok('create_video_translation', { ...TRANSLATE, allow_duplicate: true });
    expect(r.translations).toHaveLength(1);
    expect(count('POST', '/v3/video-translations')).toBe(2);
  });
});

describe('B2–B4: 5xx and resets, by method', () => {
  it.each([500, 502, 503, 504])('%i on a create POST → no retry: exactly 1 POST, isError says the job may exist and names list_video_translations', async (status) => {
    h.sim.fault({ method: 'POST', path: '/v3/video-translations', kind: 'status', status });
    const text = await h.fails('create_video_translation', { ...TRANSLATE, allow_duplicate: true });
    expect(count('POST', '/v3/video-translations')).toBe(1);
    expect(text).toMatch(/may have been created/);
    expect(text).toContain('list_video_translations');
    expect(text).toMatch(/do not resubmit/i);
  });

  it.each([500, 502, 503, 504])('%i on GET every time → 3 attempts with jittered backoff ~1 s then ~2 s, then isError "unavailable"', async (status) => {
    h.sim.fault({ path: ME, kind: 'status', status, times: 5 });
    const text = await h.fails('get_account');
    expect(count('GET', ME)).toBe(3);
    expect(sleeps).toHaveLength(2);
    expect(sleeps[0]).toBeGreaterThanOrEqual(750);
    expect(sleeps[0]).toBeLessThanOrEqual(1_250);
    expect(sleeps[1]).toBeGreaterThanOrEqual(1_500);
    expect(sleeps[1]).toBeLessThanOrEqual(2_500);
    expect(text).toMatch(/unavailable/i);
  });

  it('503 once on GET → retried once, success; 2 upstream requests', async () => {
    h.sim.fault({ path: ME, kind: 'status', status: 503 });
    await h.ok('get_account');
    expect(count('GET', ME)).toBe(2);
  });

  it('connection reset on GET → retried, success; 2 upstream requests', async () => {
    h.sim.fault({ path: ME, kind: 'reset' });
    await h.ok('get_account');
    expect(count('GET', ME)).toBe(2);
  });

  it('connection reset on a POST → not retried: exactly 1 POST, isError says it may have been created', async () => {
    h.sim.fault({ method: 'POST', path: '/v3/webhooks/endpoints', kind: 'reset' });
    const text = await h.fails('create_webhook_endpoint', { url: 'https://example.com/hook' });
    expect(count('POST', '/v3/webhooks/endpoints')).toBe(1);
    expect(text).toMatch(/may have been created|may have/i);
  });
});

describe('B5–B6: slow upstream and cancellation', () => {
  it('slow answer (400 ms) within the budget → success, 1 upstream request', async () => {
    h.sim.fault({ path: ME, kind: 'slow', delayMs: 400 });
    await h.ok('get_account');
    expect(count('GET', ME)).toBe(1);
  });

  it('client gives up after 300 ms on a 3 s upstream stall → MCP timeout error, the server aborts the request and answers the next call at once', async () => {
    h.sim.fault({ path: ME, kind: 'slow', delayMs: 3_000 });
    const started = Date.now();
    await expect(h.client.callTool({ name: 'get_account', arguments: {} }, { timeout: 300 })).rejects.toThrow(/timed out|timeout/i);
    expect(Date.now() - started).toBeLessThan(1_500);
    const again = Date.now();
    await h.ok('get_account');
    expect(Date.now() - again).toBeLessThan(1_500);
  });
});

describe('B7–B10: malformed upstream answers', () => {
  it('HTML 502 page on GET every time → isError without HTML, ≤ 300 chars, after 3 attempts', async () => {
    h.sim.fault({ path: ME, kind: 'html', status: 502, times: 5 });
    const text = await h.fails('get_account');
    expect(text).not.toMatch(/<[a-z!/]/i);
    expect(text.length).toBeLessThanOrEqual(300);
    expect(count('GET', ME)).toBe(3);
  });

  it('HTML 502 page on a POST → 1 POST, isError without HTML', async () => {
    h.sim.fault({ method: 'POST', path: '/v3/webhooks/endpoints', kind: 'html', status: 502 });
    const text = await h.fails('create_webhook_endpoint', { url: 'https://example.com/hook' });
    expect(text).not.toMatch(/<[a-z!/]/i);
    expect(count('POST', '/v3/webhooks/endpoints')).toBe(1);
  });

  it('truncated JSON on every GET → isError saying the answer broke off (not "could not reach"), retried like a transport failure, no crash, no unhandled rejection', async () => {
    h.sim.fault({ path: ME, kind: 'truncated', times: 5 });
    const text = await h.fails('get_account');
    expect(text).toMatch(/HeyGen's answer to GET \/v3\/users\/me broke off part-way \(status 200/);
    expect(text).not.toMatch(/could not reach/i);
    expect(text).not.toContain('{"data"');
    expect(count('GET', ME)).toBe(3);
  });

  it('empty 502 body → status-derived isError, retried like any 5xx GET', async () => {
    h.sim.fault({ path: ME, kind: 'empty', status: 502, times: 5 });
    const text = await h.fails('get_account');
    expect(text).toMatch(/502/);
    expect(count('GET', ME)).toBe(3);
  });

  it('empty 200 body where a job is expected → isError "unexpected shape", never a success with no id', async () => {
    h.sim.fault({ path: '/v3/video-translations/*', kind: 'empty', status: 200 });
    const r = await h.call('get_video_translation', { video_translation_id: 'abc123' });
    expect(r.isError).toBe(true);
    expect(textOf(r)).toMatch(/unexpected shape|unreadable/i);
  });
});

describe('B11: auth, credit and size refusals are distinct and not retried', () => {
  const cases: [number, RegExp][] = [
    [401, /rejected the API key.*HEYGEN_API_KEY/],
    [403, /refused|not allowed/i],
    [402, /credits/i],
    [413, /413|too large/i],
  ];
  it.each(cases)('%i on GET → 1 request, its own message', async (status, message) => {
    h.sim.fault({ path: ME, kind: 'status', status });
    const text = await h.fails('get_account');
    expect(text).toMatch(message);
    expect(count('GET', ME)).toBe(1);
  });
});

describe('B14: expired presigned file URL', () => {
  it('403 from an expired SRT link → isError asking for a fresh link; the file request carried no x-api-key', async () => {
    const created = await h.ok<{ proofread_ids?: string[]; proofreads?: { proofread_id: string }[] }>('create_translation_proofread', { ...TRANSLATE, title: 'Matrix proofread', allow_duplicate: true });
    const id = created.proofread_ids?.[0] ?? created.proofreads?.[0]?.proofread_id;
    expect(id).toBeTruthy();
    h.sim.advance(10 * 60_000);
    h.sim.fault({ path: '/files/*', kind: 'expired_url' });
    h.sim.clearRequests();
    const text = await h.fails('get_proofread_subtitles', { proofread_id: id, include_text: true });
    expect(text).toMatch(/403.*again|fresh link/i);
    const files = h.sim.requests.filter((r) => r.path.startsWith('/files/'));
    expect(files).toHaveLength(1);
    expect(files[0]!.headers['x-api-key']).toBeUndefined();
  });
});
