import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisAvailable, startRedis, type RedisServer } from '../helpers/redis.js';
import { spawnRaw } from '../matrix/helpers.js';

/** ioredis (and its dependencies) cost start-up time: the bin loads it only for a Redis URL. */
const PRELOAD = fileURLToPath(new URL('../fixtures/report-ioredis.cjs', import.meta.url));

async function loadsIoredis(env: Record<string, string>): Promise<string> {
  const c = spawnRaw(['--sandbox'], { NODE_OPTIONS: `--require ${PRELOAD}`, HEYGEN_MCP_LOG_LEVEL: 'info', ...env });
  await c.initialize();
  expect((await c.request('tools/call', { name: 'get_account', arguments: {} })).result.isError ?? false).toBe(false);
  c.child.stdin!.end();
  await c.exit(5_000);
  const m = /\[ioredis loaded: (true|false)\]/.exec(c.stderr());
  expect(m, c.stderr()).not.toBeNull();
  return m![1]!;
}

describe('ioredis is loaded only when a Redis URL is set', () => {
  it('without HEYGEN_MCP_REDIS_URL: a full stdio session never loads ioredis', async () => {
    expect(await loadsIoredis({})).toBe('false');
  });

  describe.skipIf(!redisAvailable)('with a Redis URL', () => {
    let redis: RedisServer;
    beforeAll(async () => { redis = await startRedis(); });
    afterAll(async () => { await redis?.stop(); });
    it('with HEYGEN_MCP_REDIS_URL: ioredis is loaded (the probe sees it)', async () => {
      expect(await loadsIoredis({ HEYGEN_MCP_REDIS_URL: redis.url })).toBe('true');
    });
  });
});
