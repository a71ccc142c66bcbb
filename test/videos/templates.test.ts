import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connect, textOf, type Harness } from '../helpers/harness.js';
import { posts } from './helpers.js';

let h: Harness;
let tpl: { template_id: string; variables: { name: string; type: string; default?: string }[]; scenes: { scene_id: string }[] };
beforeAll(async () => {
  h = await connect();
  const list = await h.ok('list_templates', { limit: 5 });
  tpl = await h.ok('get_template', { template_id: list.templates[0].template_id });
});
afterAll(async () => { await h.close(); });
beforeEach(() => { h.sim.clearRequests(); });

describe('list_templates / get_template', () => {
  it('pages with next_token and a small projection', async () => {
    const a = await h.ok('list_templates', { limit: 2 });
    expect(a.templates).toHaveLength(2);
    expect(Object.keys(a.templates[0]).sort()).toEqual(['aspect_ratio', 'name', 'template_id', 'updated_at']);
    const b = await h.ok('list_templates', { limit: 2, next_token: a.next_token });
    expect(b.templates[0].template_id).not.toBe(a.templates[0].template_id);
    expect(h.sim.apiRequests()[1]!.query).toMatchObject({ limit: '2', token: a.next_token });
  });

  it('shows variables with their types and defaults, and scenes', () => {
    const headline = tpl.variables.find((v) => v.name === 'headline')!;
    expect(headline.type).toBe('text');
    expect(JSON.parse(headline.default!)).toEqual({ content: expect.any(String) });
    expect(tpl.scenes.length).toBeGreaterThan(0);
  });

  it('refuses a bad template id with no request', async () => {
    expect(await h.fails('get_template', { template_id: 'a b' })).toMatch(/template_id/);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });
});

describe('create_video_from_template', () => {
  it('GETs the template, then POSTs typed variables built from shorthand values', async () => {
    const presenter = (JSON.parse(tpl.variables.find((v) => v.type === 'avatar')!.default!) as { avatar_id: string }).avatar_id;
    const r = await h.call('create_video_from_template', {
      template_id: tpl.template_id,
      variables: { headline: 'Big news', logo: 'https://cdn.example.com/logo.png', presenter },
      title: 'From template', fps: 30, scene_ids: [tpl.scenes[0]!.scene_id],
    });
    expect(r.isError, textOf(r)).toBeFalsy();
    expect((r.structuredContent as any).video_id).toMatch(/^[0-9a-f]+$/);
    const reqs = h.sim.apiRequests();
    expect(reqs.map((q) => `${q.method} ${q.path}`)).toEqual([`GET /v3/templates/${tpl.template_id}`, `POST /v3/templates/${tpl.template_id}`]);
    expect(reqs[1]!.body).toEqual({
      variables: {
        headline: { name: 'headline', type: 'text', properties: { content: 'Big news' } },
        logo: { name: 'logo', type: 'image', properties: { url: 'https://cdn.example.com/logo.png' } },
        presenter: { name: 'presenter', type: 'avatar', properties: { avatar_id: presenter } },
      },
      title: 'From template', fps: 30, scene_ids: [tpl.scenes[0]!.scene_id],
    });
  });

  it.each([
    [{ nope: 'x' }, /variables\.nope.*no such variable/],
    [{ logo: '{"type":"text","properties":{"content":"x"}}' }, /variables\.logo\.type/],
    [{ logo: '{"url": ' }, /variables\.logo.*JSON/],
    [{ logo: 'not a url' }, /variables\.logo/],
    [{ headline: '{"content":5}' }, /variables\.headline\.properties\.content/],
    [{ logo: '{"url":"https://a.example.com/x.png","asset_id":"a1"}' }, /variables\.logo/],
  ])('refuses variables %j before any POST', async (variables, why) => {
    expect(await h.fails('create_video_from_template', { template_id: tpl.template_id, variables })).toMatch(why);
    expect(posts(h)).toHaveLength(0);
  });

  it('takes JSON properties, a WxH dimension and flat subtitle settings', async () => {
    const r = await h.ok('create_video_from_template', {
      template_id: tpl.template_id, variables: { logo: '{"asset_id":"logo_asset_1"}' }, dimension: '1280x720',
      subtitles: { preset_name: 'bold', font_size: 40, x: 0.1 }, dry_run: true,
    });
    expect(r.request.body).toEqual({
      variables: { logo: { name: 'logo', type: 'image', properties: { asset_id: 'logo_asset_1' } } },
      dimension: { width: 1280, height: 720 }, subtitles: { preset_name: 'bold', font_size: 40, position: { x: 0.1 } },
    });
    expect(await h.fails('create_video_from_template', { template_id: tpl.template_id, variables: {}, dimension: '1281x720' })).toMatch(/dimension/);
    expect(await h.fails('create_video_from_template', { template_id: tpl.template_id, variables: {}, subtitles: { font_size: 40 } })).toMatch(/subtitles\.preset_name/);
  });

  it('a media variable is a media input like any other: a bare asset id becomes {asset_id}, http is refused', async () => {
    const r = await h.ok('create_video_from_template', { template_id: tpl.template_id, variables: { logo: 'logo_asset_2' }, dry_run: true });
    expect(r.request.body.variables).toEqual({ logo: { name: 'logo', type: 'image', properties: { asset_id: 'logo_asset_2' } } });
    expect(await h.fails('create_video_from_template', { template_id: tpl.template_id, variables: { logo: 'http://cdn.example.com/logo.png' } })).toMatch(/^Invalid variables\.logo: must be https/);
    expect(posts(h)).toHaveLength(0);
  });

  it('refuses an unknown scene and a wrong fps before any POST', async () => {
    expect(await h.fails('create_video_from_template', { template_id: tpl.template_id, variables: {}, scene_ids: ['ffff'] })).toMatch(/scene_ids\.0/);
    expect(await h.fails('create_video_from_template', { template_id: tpl.template_id, variables: {}, fps: 24 })).toMatch(/fps/);
    expect(posts(h)).toHaveLength(0);
  });

  it('dry_run still checks the template but sends no POST', async () => {
    const r = await h.ok('create_video_from_template', { template_id: tpl.template_id, variables: { headline: 'Dry' }, dry_run: true });
    expect(r.request).toEqual({ method: 'POST', path: `/v3/templates/${tpl.template_id}`, body: { variables: { headline: { name: 'headline', type: 'text', properties: { content: 'Dry' } } } } });
    expect(posts(h)).toHaveLength(0);
  });
});
