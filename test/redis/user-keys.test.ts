import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import type { CallToolResult } from '@modelcontextprotocol/client';
import { silentLogger } from '../../src/log.js';
import { RedisStateProvider } from '../../src/state/redis.js';
import { KeySealer } from '../../src/state/user-keys.js';
import { redisAvailable, startRedis, type RedisServer } from '../helpers/redis.js';
import { teamServer } from '../oauth/helpers.js';

let redis: RedisServer | undefined;
beforeAll(async () => { if (redisAvailable) redis = await startRedis(); });
afterAll(async () => { await redis?.stop(); });

describe.skipIf(!redisAvailable)('saved HeyGen keys in Redis', () => {
  it('stores only sealed records, readable by another replica with the same encryption key', async () => {
    const a = await RedisStateProvider.connect(redis!.url, { log: silentLogger });
    const b = await RedisStateProvider.connect(redis!.url, { log: silentLogger });
    const sealer = new KeySealer(Buffer.alloc(32, 9));
    await a.userKeys.put('person-1', sealer.seal('canary-redis-key-123', 'person-1'));
    const seen = await b.userKeys.get('person-1');
    expect(seen && sealer.open(seen, 'person-1')).toBe('canary-redis-key-123');
    await b.userKeys.delete('person-1');
    expect(await a.userKeys.get('person-1')).toBeUndefined();
    await a.close();
    await b.close();
  });

  it('a key saved through the server lands in Redis sealed: the raw key is in no value', async () => {
    const states = await RedisStateProvider.connect(redis!.url, { log: silentLogger });
    const key = 'canary-redis-team-4711';
    const h = await teamServer({ states, sim: { apiKeys: [key] } });
    try {
      const token = await h.idp.sign({ iss: h.idp.issuer, aud: h.url, sub: 'dora', scope: 'heygen:read' }, { expiresIn: '5m' });
      // The key page link comes from the tool answer of a client that cannot open links.
      const r = await fetch(h.url, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'tools/call', 'mcp-name': 'get_account' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'get_account', arguments: {}, _meta: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientInfo': { name: 'raw', version: '0' }, 'io.modelcontextprotocol/clientCapabilities': {} } } }),
      });
      const result = (await r.json() as { result: CallToolResult }).result;
      expect(result.isError).toBe(true);
      const link = /(http:\/\/\S+\/keys\?t=\S+?) in a browser/.exec((result.content[0] as { text: string }).text)?.[1];
      expect(link).toBeTruthy();
      const t = new URL(link!).searchParams.get('t')!;
      const saved = await fetch(`${h.base}/keys`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: h.base }, body: new URLSearchParams({ t, action: 'save', api_key: key }).toString() });
      expect(saved.status).toBe(200);
      expect(await saved.text()).not.toContain(key);
      const direct = new Redis(redis!.url);
      const names = await direct.keys('heygen-mcp:userkey:*');
      expect(names).toHaveLength(1);
      for (const n of names) expect(await direct.get(n)).not.toContain(key);
      direct.disconnect();
    } finally {
      await h.close();
      await states.close();
    }
  });
});

describe.skipIf(!redisAvailable)('sign-in with Redis', () => {
  it('refuses to start without HEYGEN_MCP_KEY_ENCRYPTION_KEY (saved keys must open on every replica)', async () => {
    const { loadConfig } = await import('../../src/config.js');
    const { startHttpServer, HttpStartError } = await import('../../src/transports/http/server.js');
    const states = await RedisStateProvider.connect(redis!.url, { log: silentLogger });
    try {
      const config = loadConfig(['--http', '--port', '0', '--oauth-issuer', 'https://id.example.com', '--public-url', 'https://mcp.example.com/mcp'], {});
      await expect(startHttpServer({ config, upstream: { apiKey: undefined, baseUrl: 'http://127.0.0.1:9', sandbox: false, close: async () => undefined }, states, log: silentLogger }))
        .rejects.toThrow(HttpStartError);
    } finally {
      await states.close();
    }
  });
});
