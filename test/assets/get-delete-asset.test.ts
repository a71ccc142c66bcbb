import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Harness } from '../helpers/harness.js';
import { PNG } from './fixtures.js';

let h: Harness;
beforeAll(async () => { h = await connect(); });
afterAll(async () => { await h.close(); });

describe('get_asset / delete_asset', () => {
  it('reads an uploaded asset by id, then deletes it with DELETE /v3/assets/{id}', async () => {
    const { asset_id } = await h.ok('upload_asset', { base64: PNG().toString('base64'), filename: 'a.png' });
    h.sim.clearRequests();
    const got = await h.ok('get_asset', { asset_id });
    expect(got).toMatchObject({ asset_id, name: 'a.png', type: 'image' });
    expect(got.url).toMatch(/^http/);
    expect(await h.ok('delete_asset', { asset_id })).toEqual({ asset_id, deleted: true });
    expect(h.sim.apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual([`GET /v3/assets/${asset_id}`, `DELETE /v3/assets/${asset_id}`]);
    expect(await h.fails('get_asset', { asset_id })).toMatch(/Not found on HeyGen/);
  });

  it('refuses ids that could add path structure, with no request', async () => {
    h.sim.clearRequests();
    for (const asset_id of ['../users/me', 'a/b', 'a?x=1', 'a#b', 'a\nb', '']) {
      expect(await h.fails('delete_asset', { asset_id })).toMatch(/asset_id/);
    }
    expect(h.sim.apiRequests()).toHaveLength(0);
  });
});
