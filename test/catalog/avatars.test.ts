import { afterEach, describe, expect, it } from 'vitest';
import { connect, type Harness } from '../helpers/harness.js';

let h: Harness | undefined;
afterEach(async () => { await h?.close(); h = undefined; });

describe('list_avatar_groups', () => {
  it('sends ownership to HeyGen and pages through HeyGen cursors without overlap', async () => {
    h = await connect();
    const a = await h.ok('list_avatar_groups', { ownership: 'public', limit: 10 });
    const b = await h.ok('list_avatar_groups', { ownership: 'public', limit: 10, next_token: a.next_token });
    expect(a.groups).toHaveLength(10);
    expect(b.groups).toHaveLength(10);
    const ids = new Set([...a.groups, ...b.groups].map((g: any) => g.group_id));
    expect(ids.size).toBe(20);
    const reqs = h.sim.apiRequests();
    expect(reqs.map((r) => r.query)).toEqual([
      { ownership: 'public', limit: '10' },
      { ownership: 'public', limit: '10', token: a.next_token },
    ]);
  });

  it('answers a name query locally over the whole catalog loaded at 50 per page', async () => {
    h = await connect();
    const r = await h.ok('list_avatar_groups', { query: 'a', gender: 'female', limit: 5 });
    expect(r.groups.length).toBeGreaterThan(0);
    for (const g of r.groups) {
      expect(g.name.toLowerCase()).toContain('a');
      expect(g.gender).toBe('female');
    }
    for (const req of h.sim.apiRequests()) expect(req.query.limit).toBe('50');
  });
});

describe('list_avatar_looks', () => {
  it('sends group_id and ownership to HeyGen; filters orientation, gender and engine locally', async () => {
    h = await connect();
    const r = await h.ok('list_avatar_looks', { ownership: 'public', orientation: 'portrait', gender: 'male', engine: 'avatar_v', limit: 100 });
    expect(r.looks.length).toBeGreaterThan(0);
    expect(r.looks.length).toBeLessThanOrEqual(100);
    for (const l of r.looks) expect(l).toMatchObject({ orientation: 'portrait', gender: 'male' });
    for (const l of r.looks) expect(l.engines).toContain('avatar_v');
    for (const req of h.sim.apiRequests()) expect(req.query).toMatchObject({ ownership: 'public', limit: '50' });

    const group = r.looks[0].group_id;
    h.sim.clearRequests();
    const byGroup = await h.ok('list_avatar_looks', { group_id: group });
    expect(byGroup.looks.every((l: any) => l.group_id === group)).toBe(true);
    expect(h.sim.apiRequests()[0]!.query).toMatchObject({ group_id: group });
  });

  it('pages a locally filtered list with a local cursor and no further requests', async () => {
    h = await connect();
    const a = await h.ok('list_avatar_looks', { orientation: 'landscape', limit: 30 });
    const n = h.sim.apiRequests().length;
    const b = await h.ok('list_avatar_looks', { orientation: 'landscape', limit: 30, next_token: a.next_token });
    expect(a.next_token).toMatch(/^lc1\./);
    const ids = new Set([...a.looks, ...b.looks].map((l: any) => l.look_id));
    expect(ids.size).toBe(a.looks.length + b.looks.length);
    expect(h.sim.apiRequests()).toHaveLength(n);
  });

  it('rejects an unknown orientation and limit 500 naming the field, with no request', async () => {
    h = await connect();
    expect(await h.fails('list_avatar_looks', { orientation: 'diagonal' })).toMatch(/orientation/);
    expect(await h.fails('list_avatar_looks', { limit: 500 })).toMatch(/limit/);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });
});

describe('get_avatar_group and get_avatar_look', () => {
  it('return details and point to the default voice', async () => {
    h = await connect();
    const list = await h.ok('list_avatar_looks', { ownership: 'public', limit: 1 });
    const look = list.looks[0];
    const r = await h.call('get_avatar_look', { look_id: look.look_id });
    const l = r.structuredContent as any;
    expect(l).toMatchObject({ look_id: look.look_id, group_id: look.group_id, default_voice_id: look.default_voice_id });
    expect(l.engines.length).toBeGreaterThan(0);
    expect(l.preview_video_url).toMatch(/^http/);
    expect(JSON.stringify(r.content)).toContain('get_voice');
    expect(h.sim.apiRequests().at(-1)).toMatchObject({ method: 'GET', path: `/v3/avatars/looks/${look.look_id}` });
    const g = await h.ok('get_avatar_group', { group_id: look.group_id });
    expect(g).toMatchObject({ group_id: look.group_id });
    expect(g.looks_count).toBeGreaterThan(0);
  });

  it('report unknown ids as not found with the tool that lists ids', async () => {
    h = await connect();
    expect(await h.fails('get_avatar_look', { look_id: 'nope' })).toMatch(/not found.*list_avatar_looks/i);
    expect(await h.fails('get_avatar_group', { group_id: 'nope' })).toMatch(/not found.*list_avatar_groups/i);
    expect(await h.fails('get_avatar_group', { group_id: 'a/b' })).toMatch(/group_id/);
  });
});
