import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connect, type Harness } from '../helpers/harness.js';
import { pickLook } from './helpers.js';

let h: Harness;
let look: { look_id: string };
beforeAll(async () => {
  h = await connect();
  look = await pickLook(h);
});
afterAll(async () => { await h.close(); });
beforeEach(() => { h.sim.clearFaults(); h.sim.clearRequests(); });

const posts = () => h.sim.apiRequests().filter((r) => r.method === 'POST' && r.path === '/v3/videos').length;

describe('identical retry after an ambiguous create', () => {
  it.each([
    ['a 500', { kind: 'status' as const, status: 500 }],
    ['a cut connection', { kind: 'reset' as const }],
  ])('after %s on POST /v3/videos, the identical call sends nothing and names list_videos; allow_duplicate: true sends it', async (_label, fault) => {
    const args = { avatar_id: look.look_id, script: `Ambiguous ${Math.random()}` };
    h.sim.fault({ method: 'POST', path: '/v3/videos', ...fault });
    expect(await h.fails('create_avatar_video', args)).toMatch(/may have been created/);
    expect(posts()).toBe(1);
    const again = await h.fails('create_avatar_video', args);
    expect(again).toMatch(/identical request failed \d+ s ago.*may have created the job.*Check list_videos first.*allow_duplicate: true/);
    expect(posts()).toBe(1);
    const forced = await h.ok('create_avatar_video', { ...args, allow_duplicate: true });
    expect(forced.video_id).toEqual(expect.any(String));
    expect(posts()).toBe(2);
  });

  it('a clear refusal (400) is not remembered: the identical call is sent again', async () => {
    const args = { avatar_id: look.look_id, script: `Refused ${Math.random()}` };
    h.sim.fault({ method: 'POST', path: '/v3/videos', kind: 'status', status: 400 });
    await h.fails('create_avatar_video', args);
    await h.ok('create_avatar_video', args);
    expect(posts()).toBe(2);
  });

  it('a different script is a different request and is sent', async () => {
    h.sim.fault({ method: 'POST', path: '/v3/videos', kind: 'status', status: 502 });
    await h.fails('create_avatar_video', { avatar_id: look.look_id, script: `One ${Math.random()}` });
    await h.ok('create_avatar_video', { avatar_id: look.look_id, script: `Two ${Math.random()}` });
    expect(posts()).toBe(2);
  });
});
