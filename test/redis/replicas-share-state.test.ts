import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import type { HeyGenClient } from '../../src/heygen/client.js';
import { JobWatcher } from '../../src/hosted/poller.js';
import { keyIdOf, MaybeCreated } from '../../src/state/contract.js';
import { shareWatches } from '../../src/state/watch-share.js';
import type { JobUpdate } from '../../src/state/contract.js';
import { RedisStateProvider } from '../../src/state/redis.js';
import { redisAvailable, startRedis, type RedisServer } from '../helpers/redis.js';

/** Two provider instances on one Redis behave like two replicas. */
describe.skipIf(!redisAvailable)('redis state shared by two replicas', () => {
  let redis: RedisServer;
  let a: RedisStateProvider;
  let b: RedisStateProvider;
  const tuning = { pollMs: 10, inflightWaitMs: 3_000 };
  beforeAll(async () => {
    redis = await startRedis();
    a = await RedisStateProvider.connect(redis.url, { log: silentLogger, tuning });
    b = await RedisStateProvider.connect(redis.url, { log: silentLogger, tuning });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await redis?.stop();
  });
  let n = 0;
  const key = () => `sk-shared-${process.pid}-${++n}`;

  it('an identical create on replica B while A runs it spends once, and B returns A\'s job', async () => {
    const k = key();
    let spent = 0;
    const create = async () => { spent++; await new Promise((r) => setTimeout(r, 200)); return { video_id: `v${spent}` }; };
    const first = a.forKey(k).guard.run('create_avatar_video:{"script":"hi"}', create);
    await new Promise((r) => setTimeout(r, 20));
    const second = b.forKey(k).guard.run('create_avatar_video:{"script":"hi"}', create);
    const [ra, rb] = await Promise.all([first, second]);
    expect(spent).toBe(1);
    expect(ra).toMatchObject({ value: { video_id: 'v1' }, reused: false });
    expect(rb).toMatchObject({ value: { video_id: 'v1' }, reused: true });
    // Different keys never share a guard entry.
    expect(await b.forKey(key()).guard.run('create_avatar_video:{"script":"hi"}', create)).toMatchObject({ reused: false });
  });

  it('a webhook delivery received on replica A is a repeat on replica B (event ids shared, expiring)', async () => {
    const id = `event:evt-${process.pid}-${++n}`;
    expect(await a.webhookEvents.firstDelivery(id, 60_000)).toBe(true);
    expect(await b.webhookEvents.firstDelivery(id, 60_000)).toBe(false);
    const short = `event:evt-short-${process.pid}-${++n}`;
    expect(await a.webhookEvents.firstDelivery(short, 50)).toBe(true);
    const r = new Redis(redis.url);
    try {
      const deadline = Date.now() + 5_000;
      while ((await r.exists(`heygen-mcp:webhook-delivery:${createHash('sha256').update(short).digest('hex').slice(0, 32)}`)) && Date.now() < deadline) await new Promise((res) => setTimeout(res, 20));
    } finally { r.disconnect(); }
    expect(await b.webhookEvents.firstDelivery(short, 50)).toBe(true);
  });

  it('a create that failed ambiguously on replica A holds back the identical retry on replica B (MaybeCreated, nothing run)', async () => {
    const k = key();
    const ambiguous = () => true;
    await expect(a.forKey(k).guard.run('create_avatar_video:{"script":"cut"}', async () => { throw new Error('socket hang up'); }, ambiguous)).rejects.toThrow('socket hang up');
    let ran = false;
    const err = await b.forKey(k).guard.run('create_avatar_video:{"script":"cut"}', async () => { ran = true; return 'v2'; }, ambiguous).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MaybeCreated);
    expect(ran).toBe(false);
  });

  it('a replica waiting on a create that never finishes gives up with a clear refusal, spending nothing', async () => {
    const slowA = await RedisStateProvider.connect(redis.url, { log: silentLogger, tuning: { pollMs: 10, inflightWaitMs: 150 } });
    const k = key();
    let release!: () => void;
    const hold = a.forKey(k).guard.run('fp', () => new Promise<string>((r) => { release = () => r('done'); }));
    await new Promise((r) => setTimeout(r, 20));
    let ran = false;
    await expect(slowA.forKey(k).guard.run('fp', async () => { ran = true; return 'second'; })).rejects.toThrow(/identical request is still running/);
    expect(ran).toBe(false);
    release();
    await hold;
    await slowA.close();
  });

  it('a catalog loaded by A serves B with no load, and two replicas loading together load once', async () => {
    const k = key();
    let loads = 0;
    const load = async () => { loads++; await new Promise((r) => setTimeout(r, 100)); return { items: [1, 2, 3] }; };
    await Promise.all([a.forKey(k).cache.getOrLoad('avatars', 60_000, load), b.forKey(k).cache.getOrLoad('avatars', 60_000, load)]);
    expect(loads).toBe(1);
    expect(await b.forKey(k).cache.getOrLoad('avatars', 60_000, load)).toEqual({ items: [1, 2, 3] });
    expect(loads).toBe(1);
  });

  it('job ids recorded on A are listed on B; job updates published on A reach B once', async () => {
    const k = key();
    await a.forKey(k).jobs.record({ kind: 'video', id: 'vid-a', tool: 'create_avatar_video', createdAt: 1 });
    expect((await b.forKey(k).jobs.recent()).map((j) => j.id)).toEqual(['vid-a']);
    const onB: JobUpdate[] = [];
    const onA: JobUpdate[] = [];
    const stopB = b.updates.subscribe((u) => onB.push(u));
    const stopA = a.updates.subscribe((u) => onA.push(u));
    await a.updates.publish({ keyId: keyIdOf(k), uri: 'heygen://videos/vid-a', terminal: true });
    await expect.poll(() => onB.length).toBe(1);
    expect(onB[0]).toMatchObject({ keyId: keyIdOf(k), uri: 'heygen://videos/vid-a', terminal: true, origin: a.updates.origin });
    await new Promise((r) => setTimeout(r, 50));
    expect(onA).toHaveLength(1);
    stopA();
    stopB();
  });

  it('a webhook signal received on A reaches a subscriber on B, once, and ends B\'s watch when terminal', async () => {
    const reader = {
      parse: (uri: string) => ({ kind: 'video', id: uri.split('/').pop()! }),
      read: async () => ({ status: 'processing', done: false, failed: false }),
    };
    const shareA = shareWatches(a, silentLogger);
    const shareB = shareWatches(b, silentLogger);
    const watcherB = new JobWatcher({ reader, log: silentLogger, minMs: 60_000, maxMs: 60_000, shared: shareB.shared });
    const stopB = shareB.attach(watcherB);
    const heard: string[] = [];
    const sub = watcherB.subscriber(keyIdOf(key()), {} as HeyGenClient, (uri) => heard.push(uri));
    expect(sub.subscribe('heygen://videos/vid-hook')).toBe(true);
    shareA.shared.signal('vid-hook', true);
    await expect.poll(() => heard).toEqual(['heygen://videos/vid-hook']);
    await expect.poll(() => watcherB.size).toBe(0);
    await new Promise((r) => setTimeout(r, 50));
    expect(heard).toHaveLength(1);
    stopB();
    watcherB.close();
  });

  it('stream events stored by A replay on B, and sessions A registers are readable on B', async () => {
    const ea = a.eventStore('kid', 'session-1');
    const eb = b.eventStore('kid', 'session-1');
    const first = await ea.storeEvent('s1', { jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', data: 'one' } });
    await ea.storeEvent('s1', { jsonrpc: '2.0', id: 7, result: { ok: true } });
    const replayed: unknown[] = [];
    expect(await eb.replayEventsAfter(first, { send: async (_id, m) => { replayed.push(m); } })).toBe('s1');
    expect(replayed).toEqual([{ jsonrpc: '2.0', id: 7, result: { ok: true } }]);
    // Another session's store cannot replay these events.
    expect(await b.eventStore('kid', 'session-2').getStreamIdForEventId!(first)).toBeUndefined();
    await a.sessions.put('sess-x', { kind: 'streamable', keyId: 'kid', clientKey: false, replica: a.updates.origin, createdAt: 1 }, 60_000);
    expect(await b.sessions.get('sess-x')).toMatchObject({ keyId: 'kid', replica: a.updates.origin });
  });

  it('every key is under heygen-mcp: and no key or value contains the API key', async () => {
    const k = `sk-very-secret-${process.pid}`;
    const s = a.forKey(k);
    await s.guard.run('fp', async () => ({ ok: 1 }));
    await s.jobs.record({ kind: 'video', id: 'v', tool: 't', createdAt: 1 });
    await s.cache.getOrLoad('c', 60_000, async () => 1);
    const r = new Redis(redis.url);
    const keys = await r.keys('*');
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key.startsWith('heygen-mcp:')).toBe(true);
      expect(key).not.toContain(k);
    }
    expect(keys.some((x) => x.startsWith(`heygen-mcp:${keyIdOf(k)}:`))).toBe(true);
    const dump = await Promise.all(keys.filter((x) => !x.includes(':ev:')).map(async (x) => ((await r.type(x)) === 'list' ? (await r.lrange(x, 0, -1)).join() : (await r.get(x)) ?? '')));
    expect(dump.join('\n')).not.toContain(k);
    r.disconnect();
  });

  it('a subscriber whose connection Redis drops subscribes again by itself: later updates still arrive, once', async () => {
    const c = await RedisStateProvider.connect(redis.url, { log: silentLogger, tuning });
    const got: JobUpdate[] = [];
    const off = c.updates.subscribe((u) => got.push(u));
    const admin = new Redis(redis.url);
    // Connections in subscriber mode that listen to a channel (sub=1).
    const subscribers = async () => (String(await admin.call('CLIENT', 'LIST', 'TYPE', 'pubsub'))).split('\n').filter((l) => / sub=1 /.test(l)).length;
    await expect.poll(subscribers).toBe(3); // a, b and c
    for (let i = 0; i < 3; i++) {
      await admin.client('KILL', 'TYPE', 'pubsub');
      await expect.poll(subscribers, { timeout: 8_000 }).toBe(3);
    }
    await a.updates.publish({ keyId: 'k-resub', uri: 'heygen://videos/resub', terminal: false });
    await expect.poll(() => got.filter((u) => u.uri === 'heygen://videos/resub').length).toBe(1);
    off();
    admin.disconnect();
    await c.close();
  });

  it('while Redis is down stores fall back with warnings, never lose a job id, and catch up after it returns', async () => {
    const logs: string[] = [];
    const log = { ...silentLogger, warn: (m: string) => logs.push(m), info: (m: string) => logs.push(m) };
    const c = await RedisStateProvider.connect(redis.url, { log, tuning });
    const k = key();
    await redis.stop();
    await expect.poll(() => c.ready).toBe(false);
    const s = c.forKey(k);
    const r = await s.guard.run('fp-down', async () => ({ video_id: 'made-while-down' }));
    expect(r).toMatchObject({ value: { video_id: 'made-while-down' }, reused: false });
    expect(r.warning).toMatch(/shared state store is unavailable/);
    await s.jobs.record({ kind: 'video', id: 'made-while-down', tool: 'create_avatar_video', createdAt: 2 });
    expect((await s.jobs.recent()).map((j) => j.id)).toEqual(['made-while-down']);
    expect(await s.cache.getOrLoad('cat', 60_000, async () => 'loaded-direct')).toBe('loaded-direct');
    await expect(c.sessions.get('any')).rejects.toThrow(/shared state store \(Redis\) is unavailable/);
    const events = c.eventStore('kid', 'sess');
    const id = await events.storeEvent('s', { jsonrpc: '2.0', method: 'a' });
    expect(logs.some((l) => l.startsWith('redis unavailable'))).toBe(true);

    await redis.start();
    await expect.poll(() => c.ready, { timeout: 8_000 }).toBe(true);
    // The id recorded during the outage reached Redis: another replica lists it.
    await expect.poll(async () => (await b.forKey(k).jobs.recent()).map((j) => j.id), { timeout: 5_000 }).toEqual(['made-while-down']);
    expect(await events.getStreamIdForEventId!(id)).toBe('s');
    await c.close();
  });
});
