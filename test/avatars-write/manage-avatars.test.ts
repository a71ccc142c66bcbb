import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connect, type Harness } from '../helpers/harness.js';

let h: Harness;
beforeAll(async () => { h = await connect(); });
afterAll(async () => { await h.close(); });
beforeEach(() => { h.sim.clearRequests(); });

async function newAvatar(name: string): Promise<{ group_id: string; look_id: string }> {
  const out = await h.ok('create_photo_avatar', { name, image: `https://example.com/${name}.jpg` });
  h.sim.clearRequests();
  return out as { group_id: string; look_id: string };
}

describe('update / delete avatar looks and groups', () => {
  it('update_avatar_look PATCHes only the name', async () => {
    const { look_id } = await newAvatar('rename');
    const out = await h.ok('update_avatar_look', { look_id, name: 'Renamed' });
    expect(out).toMatchObject({ look_id, name: 'Renamed' });
    const [req] = h.sim.apiRequests();
    expect(`${req!.method} ${req!.path}`).toBe(`PATCH /v3/avatars/looks/${look_id}`);
    expect(req!.body).toEqual({ name: 'Renamed' });
  });

  it('update_avatar_look on a public look reports the refusal', async () => {
    const page = await h.deps.heygen.avatars.listLooks({ ownership: 'public', limit: 1 });
    expect(await h.fails('update_avatar_look', { look_id: page.items[0]!.id, name: 'x' })).toMatch(/refused|forbidden/i);
  });

  it('delete_avatar_look and delete_avatar_group send DELETE to the right paths', async () => {
    const a = await newAvatar('dl');
    const b = await newAvatar('dg');
    expect(await h.ok('delete_avatar_look', { look_id: a.look_id })).toEqual({ look_id: a.look_id, deleted: true });
    expect(await h.ok('delete_avatar_group', { group_id: b.group_id })).toEqual({ group_id: b.group_id, deleted: true });
    expect(h.sim.apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual([`DELETE /v3/avatars/looks/${a.look_id}`, `DELETE /v3/avatars/${b.group_id}`]);
    expect(await h.fails('delete_avatar_group', { group_id: b.group_id })).toMatch(/Not found/);
  });

  it('a list after a create, rename or delete is read fresh, not served from the catalog cache', async () => {
    const looks = async () => (await h.ok('list_avatar_looks', { ownership: 'private', limit: 100 })).looks as Array<{ look_id: string; name?: string }>;
    const groups = async () => (await h.ok('list_avatar_groups', { ownership: 'private', limit: 100 })).groups as Array<{ group_id: string }>;
    await looks();
    await groups();
    const a = await newAvatar('cache-a');
    const b = await newAvatar('cache-b');
    expect((await looks()).map((l) => l.look_id)).toEqual(expect.arrayContaining([a.look_id, b.look_id]));
    // A repeated list is a cache hit: no request.
    h.sim.clearRequests();
    await looks();
    expect(h.sim.apiRequests()).toHaveLength(0);

    await h.ok('update_avatar_look', { look_id: a.look_id, name: 'cache-renamed' });
    expect((await looks()).find((l) => l.look_id === a.look_id)?.name).toBe('cache-renamed');

    await h.ok('delete_avatar_look', { look_id: a.look_id });
    expect((await looks()).map((l) => l.look_id)).not.toContain(a.look_id);
    await groups();
    await h.ok('delete_avatar_group', { group_id: b.group_id });
    expect((await groups()).map((g) => g.group_id)).not.toContain(b.group_id);
    expect((await looks()).map((l) => l.look_id)).not.toContain(b.look_id);
  });

  it('refuses malformed ids and empty names with no request', async () => {
    expect(await h.fails('delete_avatar_group', { group_id: '../videos' })).toMatch(/group_id/);
    expect(await h.fails('update_avatar_look', { look_id: 'ok', name: '   ' })).toMatch(/name/);
    expect(h.sim.apiRequests().filter((r) => r.method !== 'GET')).toHaveLength(0);
  });

  it('the delete tools are marked destructive', async () => {
    const { tools } = await h.client.listTools();
    for (const name of ['delete_avatar_group', 'delete_avatar_look']) expect(tools.find((t) => t.name === name)?.annotations?.destructiveHint).toBe(true);
    const spend = tools.find((t) => t.name === 'create_prompt_avatar');
    expect(spend?.annotations).toMatchObject({ readOnlyHint: false, idempotentHint: false, openWorldHint: true });
    expect(spend?.description).toContain('Spends HeyGen credits.');
  });
});
