import type { Harness } from '../helpers/harness.js';

/** A public avatar look with a default voice, from the catalog the simulator serves. */
export async function pickLook(h: Harness): Promise<{ look_id: string; default_voice_id: string; engines: string[] }> {
  const r = await h.ok('list_avatar_looks', { limit: 20, ownership: 'public' });
  const look = r.looks.find((l: any) => l.default_voice_id && l.engines?.includes('avatar_v'));
  if (!look) throw new Error('no usable look in the catalog');
  return look;
}

export const posts = (h: Harness, path?: string) => h.sim.apiRequests().filter((r) => r.method === 'POST' && (!path || r.path === path));
