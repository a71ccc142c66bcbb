import type { JSONRPCMessage } from '@modelcontextprotocol/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { MemoryStateProvider } from '../../src/state/memory.js';
import { MaybeCreated } from '../../src/state/contract.js';
import type { StateProvider } from '../../src/state/contract.js';
import { RedisStateProvider } from '../../src/state/redis.js';
import { redisAvailable, startRedis, type RedisServer } from '../helpers/redis.js';

/** The same contract, run against the in-memory provider and against Redis. */
const kinds: { name: string; needsRedis: boolean }[] = [{ name: 'memory', needsRedis: false }, { name: 'redis', needsRedis: true }];

let redis: RedisServer | undefined;
const opened: StateProvider[] = [];
beforeAll(async () => { if (redisAvailable) redis = await startRedis(); });
afterAll(async () => {
  for (const p of opened) await p.close();
  await redis?.stop();
});

async function provider(kind: string): Promise<StateProvider> {
  const p = kind === 'memory' ? new MemoryStateProvider() : await RedisStateProvider.connect(redis!.url, { log: silentLogger, tuning: { pollMs: 10 } });
  opened.push(p);
  return p;
}
let n = 0;
const freshKey = () => `test-key-${process.pid}-${++n}-${Date.now()}`;
const msg = (i: number): JSONRPCMessage => ({ jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken: 't', progress: i } });

for (const k of kinds) {
  describe.skipIf(k.needsRedis && !redisAvailable)(`${k.name} state provider contract`, () => {
    it('duplicate guard runs a fingerprint once per window and returns the first result after', async () => {
      const s = (await provider(k.name)).forKey(freshKey());
      let calls = 0;
      const fn = async () => ({ id: `job-${++calls}` });
      expect(await s.guard.run('a', fn)).toMatchObject({ value: { id: 'job-1' }, reused: false });
      expect(await s.guard.run('a', fn)).toMatchObject({ value: { id: 'job-1' }, reused: true });
      expect(await s.guard.run('b', fn)).toMatchObject({ value: { id: 'job-2' }, reused: false });
      expect(calls).toBe(2);
    });

    it('duplicate guard shares one in-flight run between concurrent identical calls', async () => {
      const s = (await provider(k.name)).forKey(freshKey());
      let calls = 0;
      const fn = async () => { calls++; await new Promise((r) => setTimeout(r, 150)); return { id: 'slow' }; };
      const [a, b] = await Promise.all([s.guard.run('x', fn), s.guard.run('x', fn)]);
      expect(calls).toBe(1);
      expect([a.reused, b.reused].sort()).toEqual([false, true]);
      expect(b.value).toEqual({ id: 'slow' });
    });

    it('a failed run is not remembered: the next identical call runs again', async () => {
      const s = (await provider(k.name)).forKey(freshKey());
      await expect(s.guard.run('f', async () => { throw new Error('upstream 500'); })).rejects.toThrow('upstream 500');
      expect(await s.guard.run('f', async () => 'ok')).toMatchObject({ value: 'ok', reused: false });
    });

    it('webhook deliveries: the first is new, a repeat within the ttl is not, another id is', async () => {
      const p = await provider(k.name);
      const id = `event:${freshKey()}`;
      expect(await p.webhookEvents.firstDelivery(id, 60_000)).toBe(true);
      expect(await p.webhookEvents.firstDelivery(id, 60_000)).toBe(false);
      expect(await p.webhookEvents.firstDelivery(`${id}-other`, 60_000)).toBe(true);
    });

    it('an ambiguous failure leaves a "maybe created" marker: identical calls throw MaybeCreated without running, others run', async () => {
      const s = (await provider(k.name)).forKey(freshKey());
      const ambiguous = (e: unknown) => (e as Error).message === 'timeout on create';
      let calls = 0;
      const before = Date.now();
      await expect(s.guard.run('m', async () => { calls++; throw new Error('timeout on create'); }, ambiguous)).rejects.toThrow('timeout on create');
      const err = await s.guard.run('m', async () => { calls++; return 'second'; }, ambiguous).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(MaybeCreated);
      expect((err as MaybeCreated).since).toBeGreaterThanOrEqual(before - 5);
      expect(calls).toBe(1);
      expect(await s.guard.run('other', async () => 'fine', ambiguous)).toMatchObject({ value: 'fine', reused: false });
    });

    it('job registry returns newest first, capped by limit, and keeps keys apart', async () => {
      const p = await provider(k.name);
      const a = p.forKey(freshKey());
      const b = p.forKey(freshKey());
      for (let i = 1; i <= 5; i++) await a.jobs.record({ kind: 'video', id: `v${i}`, tool: 'create_avatar_video', createdAt: i });
      expect((await a.jobs.recent(3)).map((j) => j.id)).toEqual(['v5', 'v4', 'v3']);
      expect(await b.jobs.recent()).toEqual([]);
    });

    it('catalog cache loads once for concurrent callers, serves hits, expires and invalidates by prefix', async () => {
      const s = (await provider(k.name)).forKey(freshKey());
      let loads = 0;
      const load = async () => { loads++; await new Promise((r) => setTimeout(r, 30)); return { voices: ['v1', 'v2'] }; };
      const [x, y] = await Promise.all([s.cache.getOrLoad('voices:en', 60_000, load), s.cache.getOrLoad('voices:en', 60_000, load)]);
      expect(x).toEqual({ voices: ['v1', 'v2'] });
      expect(y).toEqual(x);
      expect(await s.cache.getOrLoad('voices:en', 60_000, load)).toEqual(x);
      expect(loads).toBe(1);
      expect(s.cache.peek('voices:en')).toEqual(x);
      await s.cache.getOrLoad('short', 40, async () => 1);
      await new Promise((r) => setTimeout(r, 80));
      expect(await s.cache.getOrLoad('short', 40, async () => 2)).toBe(2);
      s.cache.invalidate('voices:');
      await new Promise((r) => setTimeout(r, 30));
      expect(s.cache.peek('voices:en')).toBeUndefined();
      expect(await s.cache.getOrLoad('voices:en', 60_000, load)).toEqual(x);
      expect(loads).toBe(2);
    });

    it('event store replays what came after an event id, on that stream only', async () => {
      const store = (await provider(k.name)).eventStore('k1', `session-${freshKey()}`);
      const ids = [];
      for (let i = 1; i <= 4; i++) ids.push(await store.storeEvent('stream-A', msg(i)));
      await store.storeEvent('_GET_stream', msg(99));
      expect(await store.getStreamIdForEventId!(ids[1]!)).toBe('stream-A');
      const seen: [string, JSONRPCMessage][] = [];
      const stream = await store.replayEventsAfter(ids[1]!, { send: async (id, m) => { seen.push([id, m]); } });
      expect(stream).toBe('stream-A');
      expect(seen.map(([id]) => id)).toEqual(ids.slice(2));
      expect(seen.map(([, m]) => (m as unknown as { params: { progress: number } }).params.progress)).toEqual([3, 4]);
      expect(await store.getStreamIdForEventId!('made-up_0000000001')).toBeUndefined();
    });

    it('session directory stores, extends and forgets session metadata', async () => {
      const p = await provider(k.name);
      const id = `sid-${freshKey()}`;
      await p.sessions.put(id, { kind: 'streamable', keyId: 'abc', clientKey: true, replica: 'r1', createdAt: 1 }, 60_000);
      expect(await p.sessions.get(id)).toMatchObject({ keyId: 'abc', clientKey: true, replica: 'r1' });
      await p.sessions.touch(id, 60_000);
      await p.sessions.delete(id);
      expect(await p.sessions.get(id)).toBeUndefined();
    });

    it('update bus delivers a job update to subscribers in this process', async () => {
      const p = await provider(k.name);
      const got: string[] = [];
      const stop = p.updates.subscribe((u) => got.push(`${u.keyId} ${u.uri} ${u.terminal}`));
      await p.updates.publish({ keyId: 'k', uri: 'heygen://videos/v1', terminal: true });
      stop();
      await p.updates.publish({ keyId: 'k', uri: 'heygen://videos/v2', terminal: false });
      expect(got).toEqual(['k heygen://videos/v1 true']);
    });
  });
}
