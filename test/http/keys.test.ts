import { afterEach, describe, expect, it } from 'vitest';
import { callOk, hosted, INIT_BODY, MCP_HEADERS, modernClient, raw, sseClient, streamableClient, type HostedHarness } from './helpers.js';

let h: HostedHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const me = (hh: HostedHarness) => hh.sim.apiRequests().filter((r) => r.path === '/v3/users/me');

describe('per-session HeyGen keys', () => {
  it('sends each session\'s own key upstream while two sessions interleave calls', async () => {
    h = await hosted({ serverKey: null, sim: { apiKeys: ['k1-aaaaaaaa', 'k2-bbbbbbbb'] } });
    const a = await streamableClient(h.http.url, { 'X-HeyGen-Api-Key': 'k1-aaaaaaaa' });
    const b = await sseClient(h.base, { 'X-HeyGen-Api-Key': 'k2-bbbbbbbb' });
    for (let i = 0; i < 3; i++) {
      expect((await callOk(a, 'get_account')).username).toBe('sandbox_aaaaaa');
      expect(me(h).at(-1)?.headers['x-api-key']).toBe('k1-aaaaaaaa');
      expect((await callOk(b, 'get_account')).username).toBe('sandbox_bbbbbb');
      expect(me(h).at(-1)?.headers['x-api-key']).toBe('k2-bbbbbbbb');
    }
    h.sim.clearRequests();
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => callOk(i % 2 ? b : a, 'get_account')));
    results.forEach((r, i) => expect(r.username).toBe(i % 2 ? 'sandbox_bbbbbb' : 'sandbox_aaaaaa'));
    const keys = me(h).map((r) => r.headers['x-api-key']);
    expect(keys.filter((k) => k === 'k1-aaaaaaaa')).toHaveLength(5);
    expect(keys.filter((k) => k === 'k2-bbbbbbbb')).toHaveLength(5);
    await a.close();
    await b.close();
    const logs = h.logs.join('\n');
    expect(logs).not.toContain('k1-aaaaaaaa');
    expect(logs).not.toContain('k2-bbbbbbbb');
  });

  it('2026-07-28: each request runs with the key it carries, interleaved across clients, with no session', async () => {
    h = await hosted({ serverKey: null, sim: { apiKeys: ['k1-aaaaaaaa', 'k2-bbbbbbbb'] } });
    const a = await modernClient(h.http.url, { 'X-HeyGen-Api-Key': 'k1-aaaaaaaa' });
    const b = await modernClient(h.http.url, { 'X-HeyGen-Api-Key': 'k2-bbbbbbbb' });
    h.sim.clearRequests();
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => callOk(i % 2 ? b : a, 'get_account')));
    results.forEach((r, i) => expect(r.username).toBe(i % 2 ? 'sandbox_bbbbbb' : 'sandbox_aaaaaa'));
    const keys = me(h).map((r) => r.headers['x-api-key']);
    expect(keys.filter((k) => k === 'k1-aaaaaaaa')).toHaveLength(5);
    expect(keys.filter((k) => k === 'k2-bbbbbbbb')).toHaveLength(5);
    expect(h.http.sessions()).toBe(0);
    await a.close();
    await b.close();
    expect(h.logs.join('\n')).not.toMatch(/k1-aaaaaaaa|k2-bbbbbbbb/);
  });

  it('2026-07-28: a client key is refused with 403 (and the request id) when the server keeps its own', async () => {
    h = await hosted();
    const meta = { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientInfo': { name: 'raw', version: '0' }, 'io.modelcontextprotocol/clientCapabilities': {} };
    const r = await raw(h.http.url, {
      headers: { ...MCP_HEADERS, 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'tools/list', 'x-heygen-api-key': 'someone-elses-key' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'tools/list', params: { _meta: meta } }),
    });
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body)).toMatchObject({ id: 9 });
    expect(r.body).not.toContain('someone-elses-key');
  });

  it('refuses a later request of the session that carries another key, or none, with 403', async () => {
    h = await hosted({ serverKey: null, sim: { apiKeys: ['k1-aaaaaaaa', 'k2-bbbbbbbb'] } });
    const init = await raw(h.http.url, { headers: { ...MCP_HEADERS, 'x-heygen-api-key': 'k1-aaaaaaaa' }, body: INIT_BODY });
    expect(init.status).toBe(200);
    const sid = init.headers['mcp-session-id'] as string;
    const ping = JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'ping' });
    const other = await raw(h.http.url, { headers: { ...MCP_HEADERS, 'mcp-session-id': sid, 'x-heygen-api-key': 'k2-bbbbbbbb' }, body: ping });
    expect(other.status).toBe(403);
    const none = await raw(h.http.url, { headers: { ...MCP_HEADERS, 'mcp-session-id': sid }, body: ping });
    expect(none.status).toBe(403);
    const same = await raw(h.http.url, { headers: { ...MCP_HEADERS, 'mcp-session-id': sid, 'x-heygen-api-key': 'k1-aaaaaaaa' }, body: ping });
    expect(same.status).toBe(200);
  });

  it('refuses a client key with 403 when the server has its own key and client keys are off', async () => {
    h = await hosted();
    const r = await raw(h.http.url, { headers: { ...MCP_HEADERS, 'x-heygen-api-key': 'someone-elses-key' }, body: INIT_BODY });
    expect(r.status).toBe(403);
    expect(r.body).toContain('HEYGEN_MCP_ALLOW_CLIENT_KEYS');
    expect(r.body).not.toContain('someone-elses-key');
  });

  it('accepts a client key over the server key when HEYGEN_MCP_ALLOW_CLIENT_KEYS=1', async () => {
    h = await hosted({ env: { HEYGEN_MCP_ALLOW_CLIENT_KEYS: '1' }, sim: { apiKeys: ['sk_sandbox', 'k2-bbbbbbbb'] }, serverKey: 'sk_sandbox' });
    const own = await streamableClient(h.http.url, { 'X-HeyGen-Api-Key': 'k2-bbbbbbbb' });
    const plain = await streamableClient(h.http.url);
    await callOk(own, 'get_account');
    expect(me(h).at(-1)?.headers['x-api-key']).toBe('k2-bbbbbbbb');
    await callOk(plain, 'get_account');
    expect(me(h).at(-1)?.headers['x-api-key']).toBe('sk_sandbox');
    await own.close();
    await plain.close();
  });

  it('initializes without any key, and tools then report HeyGen\'s 401', async () => {
    h = await hosted({ serverKey: null });
    const client = await streamableClient(h.http.url);
    const r = await client.callTool({ name: 'get_account', arguments: {} });
    expect(r.isError).toBe(true);
    expect(JSON.stringify(r.content)).toMatch(/key|401|unauthori[sz]ed/i);
    await client.close();
  });
});
