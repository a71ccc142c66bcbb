import { describe, expect, it } from 'vitest';
import { bearerOk, hostAllowed, hostnameOf, makePolicy, originAllowed } from '../../src/transports/http/access.js';
import { defaultJobReader } from '../../src/hosted/job-reader.js';
import { parseWebhookEvent, signWebhook, verifyWebhook } from '../../src/hosted/webhook.js';

describe('access rules', () => {
  it('parses Host headers, including IPv6 literals, and rejects malformed ones', () => {
    expect(hostnameOf('LocalHost:3000')).toBe('localhost');
    expect(hostnameOf('[::1]:3000')).toBe('::1');
    expect(hostnameOf('a b')).toBeUndefined();
    expect(hostnameOf('evil.com:3000/x')).toBeUndefined();
  });

  it('allows loopback names on a loopback bind, plus the hosts of allowed origins', () => {
    const p = makePolicy('127.0.0.1', ['https://mcp.example.com']);
    for (const ok of ['localhost:3000', '127.0.0.1', '[::1]:80', 'mcp.example.com']) expect(hostAllowed(p, ok)).toBe(true);
    for (const bad of ['evil.example.com', '10.0.0.5', undefined, '']) expect(hostAllowed(p, bad)).toBe(false);
  });

  it('allows IP literals and the bind name off loopback, never a foreign name', () => {
    const p = makePolicy('mcp.internal', []);
    expect(hostAllowed(p, 'mcp.internal:3000')).toBe(true);
    expect(hostAllowed(p, '10.0.0.5:3000')).toBe(true);
    expect(hostAllowed(p, 'rebind.example')).toBe(false);
  });

  it('checks Origin exactly after normalising, and loopback origins only on a loopback bind', () => {
    const local = makePolicy('127.0.0.1', ['https://app.example.com']);
    expect(originAllowed(local, undefined)).toBe(true);
    expect(originAllowed(local, 'https://APP.example.com:443')).toBe(true);
    expect(originAllowed(local, 'http://app.example.com')).toBe(false);
    expect(originAllowed(local, 'http://localhost:5173')).toBe(true);
    expect(originAllowed(local, 'null')).toBe(false);
    const remote = makePolicy('0.0.0.0', []);
    expect(originAllowed(remote, 'http://localhost:5173')).toBe(false);
    expect(() => makePolicy('127.0.0.1', ['not an origin'])).toThrow(/ALLOWED_ORIGINS/);
  });

  it('compares bearer tokens whole, from the Authorization header only', () => {
    expect(bearerOk('secret-token-123456', 'Bearer secret-token-123456')).toBe(true);
    expect(bearerOk('secret-token-123456', 'bearer secret-token-123456')).toBe(true);
    expect(bearerOk('secret-token-123456', 'Bearer secret-token-12345')).toBe(false);
    expect(bearerOk('secret-token-123456', 'Basic secret-token-123456')).toBe(false);
    expect(bearerOk('secret-token-123456', undefined)).toBe(false);
  });
});

describe('job resource URIs', () => {
  it('maps heygen://videos/{id} to the video kind and ignores other resources', () => {
    expect(defaultJobReader.parse('heygen://videos/abc123')).toEqual({ kind: 'video', id: 'abc123' });
    expect(defaultJobReader.parse('heygen://videos/')).toBeUndefined();
    expect(defaultJobReader.parse('heygen://videos/a/b')).toBeUndefined();
    expect(defaultJobReader.parse('heygen://visual-styles')).toBeUndefined();
  });
});

describe('webhook signatures and events', () => {
  it('verifies HMAC-SHA256 of the raw body, with an optional fresh timestamp', () => {
    const body = Buffer.from('{"event_type":"avatar_video.success","event_data":{"video_id":"v1"}}');
    const now = 1_800_000_000_000;
    expect(verifyWebhook('s3cret-value', body, { signature: signWebhook('s3cret-value', body) }, now)).toBe(true);
    expect(verifyWebhook('s3cret-value', body, { signature: signWebhook('other-value', body) }, now)).toBe(false);
    expect(verifyWebhook('s3cret-value', body, { signature: 'zz' }, now)).toBe(false);
    const ts = now / 1000;
    expect(verifyWebhook('s3cret-value', body, { signature: signWebhook('s3cret-value', body, ts), timestamp: String(ts) }, now)).toBe(true);
    expect(verifyWebhook('s3cret-value', body, { signature: signWebhook('s3cret-value', body, ts - 600), timestamp: String(ts - 600) }, now)).toBe(false);
  });

  it('reads the job ids of an event, skipping callback_id, and knows terminal types', () => {
    expect(parseWebhookEvent({ event_type: 'video_translate.fail', event_data: { video_translate_id: 't1', callback_id: 'c' } }))
      .toMatchObject({ ids: ['t1'], terminal: true });
    expect(parseWebhookEvent({ event_type: 'personalized_video', event_data: { project_id: 'p' } })).toMatchObject({ terminal: false });
    expect(parseWebhookEvent({ event_data: {} })).toBeUndefined();
  });
});
