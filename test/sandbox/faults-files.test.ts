import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, type Harness } from './helpers.js';

let h: Harness;
beforeAll(async () => { h = await harness({ fileUrlTtlSeconds: 60 }); });
afterAll(async () => { await h.sim.close(); });

/** Raw GET that reports what actually came over the wire. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status?: number; body: string; error?: string; headers?: Record<string, unknown> }> {
  return new Promise((resolve) => {
    let body = '';
    const req = request(url, { headers }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (c: string) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode, body, headers: res.headers }));
      res.on('error', (e) => resolve({ status: res.statusCode, body, error: e.message, headers: res.headers }));
      res.on('aborted', () => resolve({ status: res.statusCode, body, error: 'aborted', headers: res.headers }));
    });
    req.on('error', (e) => resolve({ body, error: e.message }));
    req.end();
  });
}

describe('faults', () => {
  it('rate_limit answers 429 with Retry-After, once', async () => {
    h.sim.fault({ kind: 'rate_limit', path: '/v3/users/me', retryAfter: '3' });
    const r = await h.call('GET', '/v3/users/me');
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('3');
    expect(r.json.error.code).toBe('rate_limit_exceeded');
    expect((await h.call('GET', '/v3/users/me')).status).toBe(200);
  });

  it('status gives internal_error for 5xx and honours times and method', async () => {
    h.sim.fault({ kind: 'status', status: 503, method: 'GET', path: /^\/v3\/voices/, times: 2 });
    expect((await h.call('POST', '/v3/voices', { prompt: 'x' })).status).toBe(200);
    const a = await h.call('GET', '/v3/voices');
    expect(a.status).toBe(503);
    expect(a.json.error.code).toBe('internal_error');
    expect((await h.call('GET', '/v3/voices')).status).toBe(503);
    expect((await h.call('GET', '/v3/voices')).status).toBe(200);
  });

  it('html returns a gateway page', async () => {
    h.sim.fault({ kind: 'html' });
    const res = await fetch(`${h.sim.baseUrl}/v3/users/me`, { headers: { 'x-api-key': h.sim.apiKey } });
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('<html>');
  });

  it('empty returns a status with no body', async () => {
    h.sim.fault({ kind: 'empty', status: 500 });
    const res = await fetch(`${h.sim.baseUrl}/v3/users/me`, { headers: { 'x-api-key': h.sim.apiKey } });
    expect(res.status).toBe(500);
    expect(await res.text()).toBe('');
  });

  it('truncated cuts the JSON and drops the connection', async () => {
    h.sim.fault({ kind: 'truncated', path: '/v3/users/me' });
    const r = await rawGet(`${h.sim.baseUrl}/v3/users/me`, { 'x-api-key': h.sim.apiKey });
    expect(r.status).toBe(200);
    expect(r.error).toBeTruthy();
    expect(() => JSON.parse(r.body)).toThrow();
    expect(Number(r.headers?.['content-length'])).toBeGreaterThan(r.body.length);
  });

  it('reset destroys the socket without a response', async () => {
    h.sim.fault({ kind: 'reset' });
    const r = await rawGet(`${h.sim.baseUrl}/v3/users/me`, { 'x-api-key': h.sim.apiKey });
    expect(r.status).toBeUndefined();
    expect(r.error).toBeTruthy();
  });

  it('slow delays the response', async () => {
    h.sim.fault({ kind: 'slow', delayMs: 150 });
    const t0 = performance.now();
    const r = await h.call('GET', '/v3/users/me');
    expect(r.status).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
  });

  it('clearFaults drops queued faults', async () => {
    h.sim.fault({ kind: 'status', times: 5 });
    h.sim.clearFaults();
    expect((await h.call('GET', '/v3/users/me')).status).toBe(200);
  });
});

describe('files', () => {
  async function finishedVideoUrl(): Promise<string> {
    const l = (await h.call('GET', '/v3/avatars/looks?limit=1&ownership=public')).json.data[0];
    const id = (await h.call('POST', '/v3/videos', { type: 'avatar', avatar_id: l.id, script: 'x' })).json.data.video_id;
    h.sim.advance(100_000);
    return (await h.call('GET', `/v3/videos/${id}`)).json.data.video_url;
  }

  it('serves a real MP4 without an API key, then 403 XML after expiry', async () => {
    const url = await finishedVideoUrl();
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('video/mp4');
    const buf = Buffer.from(await res.arrayBuffer());
    expect(Number(res.headers.get('content-length'))).toBe(buf.length);
    expect(buf.subarray(4, 8).toString('latin1')).toBe('ftyp');
    expect(h.sim.requests.at(-1)?.path).toMatch(/^\/files\//);
    h.sim.advance(61_000);
    const expired = await fetch(url);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('<Code>AccessDenied</Code>');
  });

  it('refuses a tampered signature and honours the expired_url fault', async () => {
    const url = await finishedVideoUrl();
    expect((await fetch(url.replace(/sig=[0-9a-f]+/, `sig=${'0'.repeat(40)}`))).status).toBe(403);
    h.sim.fault({ kind: 'expired_url' });
    expect((await h.call('GET', '/v3/users/me')).status).toBe(200); // API calls do not consume it
    const r = await fetch(url);
    expect(r.status).toBe(403);
    expect(await r.text()).toContain('AccessDenied');
    expect((await fetch(url)).status).toBe(200);
  });
});

describe('uploads', () => {
  it('multipart POST /v3/assets returns an asset usable in other calls', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const form = new FormData();
    form.append('file', new Blob([png], { type: 'image/png' }), 'logo.png');
    const res = await fetch(`${h.sim.baseUrl}/v3/assets`, { method: 'POST', headers: { 'x-api-key': h.sim.apiKey }, body: form });
    const j: any = await res.json();
    expect(res.status).toBe(200);
    expect(j.data).toMatchObject({ mime_type: 'image/png', size_bytes: png.length });
    const a = await h.call('GET', `/v3/assets/${j.data.asset_id}`);
    expect(a.json.data.type).toBe('image');
    const missing = await fetch(`${h.sim.baseUrl}/v3/assets`, { method: 'POST', headers: { 'x-api-key': h.sim.apiKey }, body: new FormData() });
    expect(((await missing.json()) as any).error.param).toBe('file');
    const v = await h.call('POST', '/v3/videos', { type: 'image', image: { type: 'asset_id', asset_id: 'ghost' }, script: 'x', voice_id: 'v' });
    expect(v.json.error).toMatchObject({ code: 'asset_not_available', param: 'image.asset_id' });
  });

  it('direct upload: slot, streamed PUT with upload_headers, complete', async () => {
    const bytes = Buffer.alloc(200_000, 7);
    const sha = createHash('sha256').update(bytes).digest('hex');
    const slot = await h.call('POST', '/v3/assets/direct-uploads', { filename: 'clip.mp4', content_type: 'video/mp4', size_bytes: bytes.length, checksum_sha256: sha });
    expect(slot.json.data.status).toBe('pending_upload');
    const { asset_id, upload_url, upload_headers } = slot.json.data;
    expect(upload_url.startsWith(h.sim.baseUrl + '/uploads/')).toBe(true);
    expect((await h.call('POST', `/v3/assets/${asset_id}/complete`, {})).status).toBe(409);
    const wrongType = await fetch(upload_url, { method: 'PUT', headers: { 'Content-Type': 'image/png' }, body: bytes });
    expect(wrongType.status).toBe(403);
    const put = await fetch(upload_url, { method: 'PUT', headers: upload_headers, body: bytes });
    expect(put.status).toBe(200);
    const rec = h.sim.requests.filter((r) => r.path.startsWith('/uploads/')).at(-1);
    expect(rec?.rawBody.length).toBe(0);
    const done = await h.call('POST', `/v3/assets/${asset_id}/complete`, { checksum_sha256: sha });
    expect(done.json.data).toMatchObject({ asset_id, mime_type: 'video/mp4', size_bytes: bytes.length });
    expect(done.json.data.url).toContain('/files/');
    const again = await h.call('POST', `/v3/assets/${asset_id}/complete`, {});
    expect(again.status).toBe(200);
    const badSum = await h.call('POST', '/v3/assets/direct-uploads', { filename: 'a.mp4', content_type: 'video/mp4', size_bytes: 10, checksum_sha256: 'xyz' });
    expect(badSum.json.error.param).toBe('checksum_sha256');
  });
});
