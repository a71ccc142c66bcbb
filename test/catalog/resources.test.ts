import { afterEach, describe, expect, it } from 'vitest';
import { connect, type Harness } from '../helpers/harness.js';

let h: Harness | undefined;
afterEach(async () => { await h?.close(); h = undefined; });

const read = async (uri: string) => {
  const r = await h!.client.readResource({ uri });
  const c = r.contents[0] as { uri: string; mimeType: string; text: string };
  expect(c.mimeType).toBe('application/json');
  return JSON.parse(c.text);
};

describe('catalog resources', () => {
  it('lists the static catalogs and the templates with RFC 6570 query parameters', async () => {
    h = await connect();
    const { resources } = await h.client.listResources();
    expect(resources.map((r) => r.uri)).toEqual(expect.arrayContaining(['heygen://avatars', 'heygen://video-agent/styles']));
    const { resourceTemplates } = await h.client.listResourceTemplates();
    expect(resourceTemplates.map((t) => t.uriTemplate)).toEqual(expect.arrayContaining([
      'heygen://avatars/{group_id}', 'heygen://avatars/looks/{look_id}', 'heygen://voices{?language,gender}', 'heygen://voices/{voice_id}',
    ]));
  });

  it('reads avatars, a group with its looks, and a look', async () => {
    h = await connect();
    const index = await read('heygen://avatars');
    expect(index.groups.length).toBe(25);
    const group = index.groups.find((g: any) => g.looks_count > 1);
    const detail = await read(`heygen://avatars/${group.group_id}`);
    expect(detail.group.group_id).toBe(group.group_id);
    expect(detail.looks).toHaveLength(group.looks_count);
    const look = await read(`heygen://avatars/looks/${detail.looks[0].look_id}`);
    expect(look).toMatchObject({ look_id: detail.looks[0].look_id, group_id: group.group_id });
  });

  it('reads voices with none, one or both filters in any order, filters reaching HeyGen', async () => {
    h = await connect();
    const both = await read('heygen://voices?language=Spanish&gender=female');
    expect(both.voices.length).toBeGreaterThan(0);
    for (const v of both.voices) expect(v).toMatchObject({ language: 'Spanish', gender: 'female' });
    expect(h.sim.apiRequests().at(-1)!.query).toMatchObject({ language: 'Spanish', gender: 'female', limit: '100' });
    const one = await read('heygen://voices?gender=male');
    for (const v of one.voices) expect(v.gender).toBe('male');
    const swapped = await read('heygen://voices?gender=female&language=Spanish');
    expect(swapped.voices).toEqual(both.voices);
    const all = await read('heygen://voices');
    expect(all.voices).toHaveLength(100);
    expect(all.next_token).toBeDefined();
    const v = await read(`heygen://voices/${all.voices[0].voice_id}`);
    expect(v).toMatchObject({ voice_id: all.voices[0].voice_id, name: all.voices[0].name });
  });

  it('reads the Video Agent style presets', async () => {
    h = await connect();
    const r = await read('heygen://video-agent/styles');
    expect(r.styles.length).toBeGreaterThan(20);
    expect(r.styles[0]).toMatchObject({ style_id: expect.any(String), name: expect.any(String) });
    expect(h.sim.apiRequests().every((q) => q.path === '/v3/video-agents/styles' && q.query.limit === '100')).toBe(true);
  });

  it('turns an unknown id into a resource error that names the list tool', async () => {
    h = await connect();
    await expect(h.client.readResource({ uri: 'heygen://voices/nope' })).rejects.toThrow(/list_voices/);
  });

  it('turns an upstream failure into a clear error, and the next read succeeds', async () => {
    h = await connect();
    h.sim.fault({ path: '/v3/video-agents/styles', kind: 'status', status: 500, times: 10 });
    await expect(h.client.readResource({ uri: 'heygen://video-agent/styles' })).rejects.toThrow(/unavailable/);
    h.sim.clearFaults();
    expect((await read('heygen://video-agent/styles')).styles.length).toBeGreaterThan(0);
  });
});

describe('completion of resource template arguments', () => {
  it('offers ids and languages already in the cache, without sending requests', async () => {
    h = await connect();
    const voices = (await h.ok('list_voices', { language: 'Japanese', limit: 5 })).voices;
    const looks = (await h.ok('list_avatar_looks', { ownership: 'public', limit: 5 })).looks;
    h.sim.clearRequests();
    const complete = (uri: string, name: string, value: string) =>
      h!.client.complete({ ref: { type: 'ref/resource', uri }, argument: { name, value } }).then((r) => r.completion.values);

    const vid = voices[0].voice_id as string;
    expect(await complete('heygen://voices/{voice_id}', 'voice_id', vid.slice(0, 6))).toContain(vid);
    const lid = looks[0].look_id as string;
    expect(await complete('heygen://avatars/looks/{look_id}', 'look_id', lid.slice(0, 4))).toContain(lid);
    expect(await complete('heygen://avatars/{group_id}', 'group_id', looks[0].group_id.slice(0, 5))).toContain(looks[0].group_id);
    expect(await complete('heygen://voices{?language,gender}', 'language', 'jap')).toEqual(['Japanese']);
    expect(await complete('heygen://voices{?language,gender}', 'gender', 'fe')).toEqual(['female']);
    expect(await complete('heygen://voices/{voice_id}', 'voice_id', 'zzzz')).toEqual([]);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });
});
