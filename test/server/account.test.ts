import { afterEach, describe, expect, it } from 'vitest';
import { connect, textOf, type Harness } from '../helpers/harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('get_account', () => {
  it('returns billing and balance from GET /v3/users/me, with the key sent as x-api-key', async () => {
    h = await connect();
    const out = await h.ok('get_account');
    expect(out.billing_type).toBe('wallet');
    expect(out.currency).toBe('usd');
    expect(typeof out.remaining_balance).toBe('number');
    const reqs = h.sim.apiRequests();
    expect(reqs).toHaveLength(1);
    expect(reqs[0]).toMatchObject({ method: 'GET', path: '/v3/users/me' });
    expect(reqs[0]!.headers['x-api-key']).toBe(h.sim.apiKey);
  });

  it('the default sandbox key reads as account sandbox_user (not "sandbox_andbox"); other keys keep their tail', async () => {
    h = await connect();
    expect(h.sim.apiKey).toBe('sk_sandbox');
    expect((await h.ok('get_account')).username).toBe('sandbox_user');
    const other = await connect({ sim: { apiKeys: ['sk_live_a1b2c3d4'] } });
    try {
      expect((await other.ok('get_account')).username).toBe('sandbox_b2c3d4');
    } finally { await other.close(); }
  });

  it('mirrors the structured result as compact JSON text', async () => {
    h = await connect();
    const r = await h.call('get_account');
    expect(JSON.parse((r.content[0] as { text: string }).text)).toEqual(r.structuredContent);
  });

  it('a rejected key says 401 and names HEYGEN_API_KEY, never the key itself', async () => {
    const canary = 'sk_canary_0b7c1e55aa';
    h = await connect({ apiKey: canary });
    const text = await h.fails('get_account');
    expect(text).toMatch(/401/);
    expect(text).toContain('HEYGEN_API_KEY');
    expect(text).not.toContain(canary);
    expect(h.logs.join('\n')).not.toContain(canary);
  });

  it('a 5xx on a read is retried, then reported as unavailable', async () => {
    h = await connect();
    h.sim.fault({ path: '/v3/users/me', kind: 'status', status: 503, times: 3 });
    const text = await h.fails('get_account');
    expect(text).toMatch(/unavailable \(503/);
    expect(h.sim.apiRequests()).toHaveLength(3);
  });

  it('an HTML gateway page becomes a short message without HTML', async () => {
    h = await connect();
    h.sim.fault({ path: '/v3/users/me', kind: 'html', status: 502, times: 3 });
    const r = await h.call('get_account');
    expect(r.isError).toBe(true);
    expect(textOf(r)).not.toMatch(/<html|<body/i);
  });
});
