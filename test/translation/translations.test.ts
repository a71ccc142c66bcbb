import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connect, type Harness } from '../helpers/harness.js';

const VIDEO = 'https://cdn.example.com/talk.mp4';
let h: Harness;
beforeAll(async () => { h = await connect(); });
afterAll(async () => { await h.close(); });
beforeEach(() => { h.sim.clearRequests(); });

const posts = () => h.sim.apiRequests().filter((r) => r.method !== 'GET');

describe('list_video_translation_languages (alias list_translation_languages)', () => {
  it('reads GET /v3/video-translations/languages once and filters locally by query', async () => {
    const all = await h.ok('list_video_translation_languages');
    expect(all.languages).toContain('Spanish (Spain)');
    expect(all.languages.length).toBeGreaterThan(10);
    const some = await h.ok('list_translation_languages', { query: 'spanish' });
    expect(some.languages.length).toBeGreaterThan(1);
    expect(some.languages.every((l: string) => l.toLowerCase().includes('spanish'))).toBe(true);
    const reqs = h.sim.apiRequests();
    expect(reqs.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v3/video-translations/languages']);
  });

  it('refuses an empty query with no request', async () => {
    const text = await h.fails('list_translation_languages', { query: '' });
    expect(text).toMatch(/query/);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });
});

describe('create_video_translation', () => {
  it('sends POST /v3/video-translations with the v3 fields and returns one id per language', async () => {
    const out = await h.ok('create_video_translation', {
      video: VIDEO, output_languages: ['Spanish (Spain)', 'Japanese', 'German (Germany)'], title: 'Launch talk',
      mode: 'precision', enable_caption: true, speaker_num: 2, start_time: 0, end_time: 30, allow_duplicate: true,
    });
    expect(out.translations).toHaveLength(3);
    expect(out.translations.map((t: any) => t.output_language)).toEqual(['Spanish (Spain)', 'Japanese', 'German (Germany)']);
    expect(new Set(out.translations.map((t: any) => t.video_translation_id)).size).toBe(3);
    const [req] = posts();
    expect(req?.method).toBe('POST');
    expect(req?.path).toBe('/v3/video-translations');
    expect(req?.body).toEqual({
      video: { type: 'url', url: VIDEO }, output_languages: ['Spanish (Spain)', 'Japanese', 'German (Germany)'], title: 'Launch talk',
      mode: 'precision', enable_caption: true, speaker_num: 2, start_time: 0, end_time: 30,
    });
    for (const t of out.translations) {
      const got = await h.ok('get_video_translation', { video_translation_id: t.video_translation_id });
      expect(got.output_language).toBe(t.output_language);
    }
  });

  it('reports an unknown asset id in HeyGen\'s words, naming the field', async () => {
    const text = await h.fails('create_video_translation', { video: 'asset_missing', output_languages: ['French (France)'], allow_duplicate: true });
    expect(text).toMatch(/video\.asset_id.*asset_missing/);
  });

  it('links each translation to its status resource and records the jobs', async () => {
    const ok = await h.call('create_video_translation', { video: VIDEO, output_languages: ['Korean'], allow_duplicate: true });
    const links = ok.content.filter((c) => c.type === 'resource_link') as { uri: string }[];
    const id = (ok.structuredContent as any).translations[0].video_translation_id;
    expect(links.map((l) => l.uri)).toEqual([`heygen://video-translations/${id}`]);
    const jobs = await h.deps.state.jobs.recent(5);
    expect(jobs[0]).toMatchObject({ kind: 'video_translation', id, tool: 'create_video_translation' });
  });

  it('dry_run returns the exact request and spends nothing', async () => {
    const out = await h.ok('create_video_translation', { video: VIDEO, output_languages: ['Hindi'], translate_audio_only: true, dry_run: true });
    expect(out.dry_run).toBe(true);
    expect(out.request).toEqual({ method: 'POST', path: '/v3/video-translations', body: { video: { type: 'url', url: VIDEO }, output_languages: ['Hindi'], translate_audio_only: true } });
    expect(posts()).toHaveLength(0);
  });

  it.each([
    [{ video: 'http://cdn.example.com/a.mp4', output_languages: ['Japanese'] }, /video/],
    [{ output_languages: ['Japanese'] }, /video/],
    [{ video: VIDEO, output_languages: [] }, /output_languages/],
    [{ video: VIDEO, output_languages: ['Japanese'], srt_role: 'input' }, /srt_role.*srt/],
    [{ video: VIDEO, output_languages: ['Japanese'], fps_mode: 'cfr' }, /fps_mode.*audio/],
    [{ video: VIDEO, output_languages: ['Japanese'], start_time: 20, end_time: 10 }, /end_time/],
    [{ video: VIDEO, output_languages: ['Japanese', 'Japanese'] }, /output_languages\[1\]/],
    [{ video: VIDEO, output_languages: ['Japanese'], speaker_num: 0 }, /speaker_num/],
  ])('refuses bad input %j with no request', async (args, field) => {
    const text = await h.fails('create_video_translation', args);
    expect(text).toMatch(field);
    expect(posts()).toHaveLength(0);
  });

  it('refuses a video that is neither an https URL nor an asset id, naming video, with no request at all', async () => {
    const r = await h.call('create_video_translation', { video: 'not a url or id!', output_languages: ['Japanese'] });
    expect(r.isError).toBe(true);
    expect((r.content[0] as { text: string }).text).toMatch(/^Invalid video: must be an https URL or an asset id from upload_asset/);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });

  it('catches an unknown language name before spending, with suggestions', async () => {
    const text = await h.fails('create_video_translation', { video: VIDEO, output_languages: ['Spanish (Peru)'] });
    expect(text).toMatch(/output_languages\[0\].*Spanish \(Spain\)/);
    expect(posts()).toHaveLength(0);
  });
});

describe('get / list / delete video translations', () => {
  it('get_video_translation reads GET /v3/video-translations/{id} and shows URLs once completed', async () => {
    const { translations } = await h.ok('create_video_translation', { video: VIDEO, output_languages: ['Italian'], allow_duplicate: true });
    const id = translations[0].video_translation_id;
    h.sim.clearRequests();
    const early = await h.ok('get_video_translation', { video_translation_id: id });
    expect(early).toMatchObject({ video_translation_id: id, status: 'pending' });
    expect(early.video_url).toBeUndefined();
    expect(h.sim.apiRequests()[0]).toMatchObject({ method: 'GET', path: `/v3/video-translations/${id}` });
    h.sim.advance(5_000);
    const done = await h.ok('get_video_translation', { video_translation_id: id });
    expect(done.status).toBe('completed');
    expect(done.video_url).toMatch(/^http/);
  });

  it('get_video_translation turns a 404 into a clear message naming the list tool', async () => {
    const text = await h.fails('get_video_translation', { video_translation_id: 'does_not_exist' });
    expect(text).toMatch(/Not found on HeyGen.*list_video_translations/);
  });

  it('get_video_translation refuses a malformed id with no request', async () => {
    const text = await h.fails('get_video_translation', { video_translation_id: '../videos' });
    expect(text).toMatch(/video_translation_id/);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });

  it('list_video_translations pages with limit and next_token', async () => {
    const first = await h.ok('list_video_translations', { limit: 2 });
    expect(first.translations).toHaveLength(2);
    expect(first.next_token).toBeTruthy();
    expect(first.translations[0]).toHaveProperty('video_translation_id');
    expect(first.translations[0]).not.toHaveProperty('video_url');
    const second = await h.ok('list_video_translations', { limit: 2, next_token: first.next_token });
    expect(second.translations[0].video_translation_id).not.toBe(first.translations[0].video_translation_id);
    const [a, b] = h.sim.apiRequests();
    expect(a).toMatchObject({ method: 'GET', path: '/v3/video-translations', query: { limit: '2' } });
    expect(b?.query).toMatchObject({ limit: '2', token: first.next_token });
  });

  it('list_video_translations defaults to 25 and refuses more than 100 with no request', async () => {
    await h.ok('list_video_translations');
    expect(h.sim.apiRequests()[0]?.query).toMatchObject({ limit: '25' });
    h.sim.clearRequests();
    expect(await h.fails('list_video_translations', { limit: 500 })).toMatch(/limit/);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });

  it('delete_video_translation sends DELETE and the translation is gone', async () => {
    const { translations } = await h.ok('create_video_translation', { video: VIDEO, output_languages: ['Polish'], allow_duplicate: true });
    const id = translations[0].video_translation_id;
    h.sim.clearRequests();
    expect(await h.ok('delete_video_translation', { video_translation_id: id })).toEqual({ video_translation_id: id, deleted: true });
    expect(h.sim.apiRequests()[0]).toMatchObject({ method: 'DELETE', path: `/v3/video-translations/${id}` });
    expect(await h.fails('delete_video_translation', { video_translation_id: id })).toMatch(/Not found/);
  });
});
