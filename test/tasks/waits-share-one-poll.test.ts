import { afterEach, describe, expect, it } from 'vitest';
import { connect, type Harness } from '../helpers/harness.js';
import { pickLook } from '../videos/helpers.js';

let h: Harness;
afterEach(async () => { await h?.close(); });

const polls = (id: string) => h.sim.apiRequests().filter((r) => r.method === 'GET' && r.path === `/v3/videos/${id}`).length;

describe('waits on one job share one poll', () => {
  it('100 concurrent wait_for_job calls on one job cost the polls of one wait (±2)', async () => {
    // A 90-second render at speed 45 lasts 2 s; the watcher polls from 50 ms up to 400 ms.
    h = await connect({ era: 'modern', tasks: { minMs: 50, maxMs: 400 }, sim: { speed: 45 } });
    const look = await pickLook(h);
    const one = (await h.ok('create_avatar_video', { avatar_id: look.look_id, script: 'Alone.' })).video_id as string;
    const many = (await h.ok('create_avatar_video', { avatar_id: look.look_id, script: 'Crowded.' })).video_id as string;
    const [alone, crowd] = await Promise.all([
      h.ok('wait_for_job', { kind: 'video', id: one, timeout_seconds: 20 }),
      Promise.all(Array.from({ length: 100 }, () => h.ok('wait_for_job', { kind: 'video', id: many, timeout_seconds: 20 }))),
    ]);
    expect(alone.done).toBe(true);
    expect(crowd.every((r) => r.done === true && typeof r.video_url === 'string')).toBe(true);
    expect(polls(many)).toBeLessThanOrEqual(polls(one) + 2);
    expect(h.watcher!.size).toBe(0);
  });

  it('a read that keeps failing upstream ends the wait with that error instead of waiting out the timeout', async () => {
    h = await connect({ era: 'modern', tasks: true, sim: { speed: 1 } });
    const look = await pickLook(h);
    const id = (await h.ok('create_avatar_video', { avatar_id: look.look_id, script: 'Upstream trouble.' })).video_id as string;
    h.sim.fault({ method: 'GET', path: `/v3/videos/${id}`, kind: 'status', status: 503, times: 20 });
    const started = Date.now();
    const text = await h.fails('wait_for_job', { kind: 'video', id, timeout_seconds: 30 });
    expect(text).toMatch(/503|unavailable|HeyGen/i);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('a wait on a job HeyGen does not know ends with HeyGen’s not-found error, once', async () => {
    h = await connect({ era: 'modern', tasks: true });
    const text = await h.fails('wait_for_job', { kind: 'video', id: 'ffffffffffffffffffffffffffffffff' });
    expect(text).toMatch(/not found/i);
    expect(h.watcher!.size).toBe(0);
  });
});
