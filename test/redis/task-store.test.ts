import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { MemoryStateProvider } from '../../src/state/memory.js';
import type { StateProvider } from '../../src/state/contract.js';
import { RedisStateProvider } from '../../src/state/redis.js';
import type { TaskRecord } from '../../src/state/tasks.js';
import { redisAvailable, startRedis, type RedisServer } from '../helpers/redis.js';

/** The task store's contract, in memory and in Redis: what replicas rely on. */
let redis: RedisServer | undefined;
const opened: StateProvider[] = [];
beforeAll(async () => { if (redisAvailable) redis = await startRedis(); });
afterAll(async () => {
  for (const p of opened) await p.close();
  await redis?.stop();
});
async function provider(kind: string): Promise<StateProvider> {
  const p = kind === 'memory' ? new MemoryStateProvider() : await RedisStateProvider.connect(redis!.url, { log: silentLogger });
  opened.push(p);
  return p;
}
let n = 0;
const task = (over: Partial<TaskRecord> = {}): TaskRecord => ({
  taskId: `t-${process.pid}-${++n}`, tool: 'create_video_agent', job: { kind: 'video_agent_session', id: 'abc' }, status: 'working',
  createdAt: Date.now(), lastUpdatedAt: Date.now(), ttlMs: 60_000, rev: 'v2', elicit: false, asked: 0, ...over,
});

for (const kind of ['memory', 'redis']) {
  describe.skipIf(kind === 'redis' && !redisAvailable)(`${kind} task store`, () => {
    it('keeps each key’s tasks apart and reads a task back as written', async () => {
      const p = await provider(kind);
      const t = task();
      await p.forKey(`k1-${kind}`).tasks.create(t);
      expect(await p.forKey(`k1-${kind}`).tasks.get(t.taskId)).toEqual(t);
      expect(await p.forKey(`k2-${kind}`).tasks.get(t.taskId)).toBeUndefined();
    });

    it('never changes a task that reached a terminal status, and applies racing changes one after the other', async () => {
      const p = await provider(kind);
      const s = p.forKey(`k3-${kind}`).tasks;
      const t = task();
      await s.create(t);
      await Promise.all(Array.from({ length: 10 }, () => s.update(t.taskId, (r) => ({ ...r, asked: r.asked + 1 }))));
      expect((await s.get(t.taskId))?.asked).toBe(10);
      await s.update(t.taskId, (r) => ({ ...r, status: 'completed' }));
      const after = await s.update(t.taskId, (r) => ({ ...r, status: 'failed' }));
      expect(after?.status).toBe('completed');
    });

    it('lists newest first and drops expired tasks', async () => {
      const p = await provider(kind);
      const s = p.forKey(`k4-${kind}`).tasks;
      const old = task({ createdAt: Date.now() - 2_000 });
      const young = task();
      const expired = task({ createdAt: Date.now() - 10_000, ttlMs: 5_000 });
      await s.create(old);
      await s.create(young);
      await s.create(expired);
      expect((await s.list(10)).map((r) => r.taskId)).toEqual([young.taskId, old.taskId]);
      expect(await s.get(expired.taskId)).toBeUndefined();
    });
  });
}

describe.skipIf(!redisAvailable)('follow leases in Redis', () => {
  it('one replica holds a task’s lease until it releases it; then another takes it', async () => {
    const [a, b] = [await provider('redis'), await provider('redis')];
    const t = task();
    await a.forKey('lease-key').tasks.create(t);
    expect(await a.forKey('lease-key').tasks.claim(t.taskId, 10_000)).toBe(true);
    expect(await b.forKey('lease-key').tasks.claim(t.taskId, 10_000)).toBe(false);
    await a.forKey('lease-key').tasks.release(t.taskId);
    expect(await b.forKey('lease-key').tasks.claim(t.taskId, 10_000)).toBe(true);
  });
});
