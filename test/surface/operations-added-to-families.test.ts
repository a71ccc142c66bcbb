import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connect, type Harness } from '../helpers/harness.js';
import { pickLook } from '../videos/helpers.js';

/** The operations added beside existing families: asset list and search, renames, agent resources, new request and output fields. */

const VIDEO = 'https://cdn.example.com/talk.mp4';
const AUDIO = 'https://cdn.example.com/dub.mp3';
let h: Harness;
beforeAll(async () => { h = await connect(); });
afterAll(async () => { await h.close(); });
beforeEach(() => { h.sim.clearRequests(); });

const writes = () => h.sim.apiRequests().filter((r) => r.method !== 'GET');

describe('assets: list_assets and search_assets', () => {
  it('list_assets sends username, folder and paging to GET /v3/assets', async () => {
    await h.ok('upload_asset', { base64: Buffer.from('1\n00:00:00,000 --> 00:00:01,000\nHi\n').toString('base64'), filename: 'a.srt' });
    h.sim.clearRequests();
    const out = await h.ok('list_assets', { username: 'alex', limit: 5 });
    expect(out.assets[0]).toMatchObject({ asset_id: expect.any(String), name: 'a.srt' });
    expect(h.sim.apiRequests()).toEqual([expect.objectContaining({ method: 'GET', path: '/v3/assets', query: { username: 'alex', limit: '5' } })]);
    h.sim.clearRequests();
    expect(await h.fails('list_assets', {})).toMatch(/username/);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });

  it('search_assets sends query, type and scope to GET /v3/assets/search; best match first', async () => {
    const out = await h.ok('search_assets', { query: 'rocket', type: 'icon', scope: 'public', limit: 2 });
    expect(out.results).toHaveLength(2);
    expect(out.results[0]).toMatchObject({ url: expect.any(String), width: 512, transparent: true });
    expect(h.sim.apiRequests()[0]).toMatchObject({ method: 'GET', path: '/v3/assets/search', query: { query: 'rocket', type: 'icon', scope: 'public', limit: '2' } });
    h.sim.clearRequests();
    expect(await h.fails('search_assets', { query: 'rocket' })).toMatch(/type/);
    expect(await h.fails('search_assets', { query: 'rocket', type: 'video' })).toMatch(/type/);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });
});

describe('renames', () => {
  it('rename_lipsync sends PATCH /v3/lipsyncs/{id} {title}; a missing job is not found', async () => {
    const { lipsync_id } = await h.ok('create_lipsync', { video: VIDEO, audio: AUDIO, allow_duplicate: true });
    h.sim.clearRequests();
    expect(await h.ok('rename_lipsync', { lipsync_id, title: 'Dubbed intro' })).toMatchObject({ lipsync_id, title: 'Dubbed intro' });
    expect(writes()).toEqual([expect.objectContaining({ method: 'PATCH', path: `/v3/lipsyncs/${lipsync_id}`, body: { title: 'Dubbed intro' } })]);
    expect(await h.fails('rename_lipsync', { lipsync_id: 'nope', title: 'x' })).toMatch(/Not found.*list_lipsyncs/);
    h.sim.clearRequests();
    expect(await h.fails('rename_lipsync', { lipsync_id, title: ' ' })).toMatch(/title/);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });

  it('rename_video_translation sends PATCH /v3/video-translations/{id} {title}', async () => {
    const { translations } = await h.ok('create_video_translation', { video: VIDEO, output_languages: ['German'], allow_duplicate: true });
    const id = translations[0].video_translation_id;
    h.sim.clearRequests();
    expect(await h.ok('rename_video_translation', { video_translation_id: id, title: 'DE cut' })).toMatchObject({ video_translation_id: id, title: 'DE cut' });
    expect(writes()).toEqual([expect.objectContaining({ method: 'PATCH', path: `/v3/video-translations/${id}`, body: { title: 'DE cut' } })]);
    expect(await h.fails('rename_video_translation', { video_translation_id: 'nope', title: 'x' })).toMatch(/Not found/);
    expect(await h.fails('rename_video_translation', { video_translation_id: id, title: 'x'.repeat(256) })).toMatch(/title/);
  });
});

describe('video agent resources', () => {
  it('get_video_agent_session shows resource_ids; get_video_agent_resource reads one', async () => {
    const { session_id } = await h.ok('create_video_agent', { prompt: 'A 20 second explainer about bike sharing in cities, upbeat.', allow_duplicate: true });
    h.sim.advance(2_000);
    const s = await h.ok('get_video_agent_session', { session_id, messages: 20 });
    const rid = s.messages.flatMap((m: { resource_ids?: string[] }) => m.resource_ids ?? [])[0];
    expect(rid).toBeTruthy();
    h.sim.clearRequests();
    expect(await h.ok('get_video_agent_resource', { session_id, resource_id: rid })).toMatchObject({ resource_id: rid, resource_type: expect.any(String), url: expect.any(String) });
    expect(h.sim.apiRequests()).toEqual([expect.objectContaining({ method: 'GET', path: `/v3/video-agents/${session_id}/resources/${rid}` })]);
    expect(await h.fails('get_video_agent_resource', { session_id, resource_id: 'nope' })).toMatch(/Not found/);
  });
});

describe('request fields added to existing tools', () => {
  it('create_video_translation: brand_voice_id, enable_watermark and the stock voice config reach the body', async () => {
    await h.ok('create_video_translation', { video: VIDEO, output_languages: ['German'], brand_voice_id: 'bv_9', enable_watermark: true, use_stock_voice: true, stock_voice_ids: ['sv_1'], allow_duplicate: true });
    expect(writes()[0]?.body).toEqual({
      video: { type: 'url', url: VIDEO }, output_languages: ['German'], brand_voice_id: 'bv_9', enable_watermark: true,
      stock_voice_config: { use_stock_voice: true, preferred_stock_voice_ids: ['sv_1'] },
    });
    h.sim.clearRequests();
    expect(await h.fails('create_video_translation', { video: VIDEO, output_languages: ['German'], brand_voice_id: 'a', brand_glossary_id: 'b' })).toMatch(/brand_voice_id/);
    expect(await h.fails('create_video_translation', { video: VIDEO, output_languages: ['German'], use_stock_voice: false, stock_voice_ids: ['x'] })).toMatch(/stock_voice_ids/);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });

  it('create_translation_proofread: brand_voice_id reaches the body', async () => {
    await h.ok('create_translation_proofread', { video: VIDEO, output_languages: ['German'], title: 'p', brand_voice_id: 'bv_9', allow_duplicate: true });
    expect(writes()[0]?.body).toMatchObject({ brand_voice_id: 'bv_9' });
  });

  it('create_lipsync: enable_watermark and fps_mode reach the body; a bad fps_mode is refused', async () => {
    await h.ok('create_lipsync', { video: VIDEO, audio: AUDIO, enable_watermark: false, fps_mode: 'cfr', allow_duplicate: true });
    expect(writes()[0]?.body).toEqual({ video: { type: 'url', url: VIDEO }, audio: { type: 'url', url: AUDIO }, enable_watermark: false, fps_mode: 'cfr' });
    h.sim.clearRequests();
    expect(await h.fails('create_lipsync', { video: VIDEO, audio: AUDIO, fps_mode: '60' })).toMatch(/fps_mode/);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });

  it('list_avatar_looks: avatar_type goes to HeyGen as a filter', async () => {
    const out = await h.ok('list_avatar_looks', { avatar_type: 'studio_avatar', limit: 3 });
    expect(h.sim.apiRequests()[0]).toMatchObject({ method: 'GET', path: '/v3/avatars/looks', query: expect.objectContaining({ avatar_type: 'studio_avatar' }) });
    expect(out.looks.length).toBeGreaterThan(0);
    expect(await h.fails('list_avatar_looks', { avatar_type: 'cartoon' })).toMatch(/avatar_type/);
  });
});

describe('output fields added to existing tools', () => {
  it('create_speech returns word_timestamps; get_avatar_look image size; looks and voices carry previews', async () => {
    const look = await pickLook(h);
    const voices = await h.ok('list_voices', { engine: 'starfish', limit: 1 });
    expect(voices.voices[0]).toHaveProperty('preview_audio_url');
    const speech = await h.ok('create_speech', { text: 'Hello there world', voice_id: voices.voices[0].voice_id, allow_duplicate: true });
    expect(speech.word_timestamps?.[0]).toMatchObject({ word: expect.any(String), start: expect.any(Number), end: expect.any(Number) });
    const l = await h.ok('get_avatar_look', { look_id: look.look_id });
    expect(l).toMatchObject({ image_width: expect.any(Number), image_height: expect.any(Number) });
    const looks = await h.ok('list_avatar_looks', { limit: 2, ownership: 'public' });
    expect(looks.looks[0].preview_image_url).toMatch(/^http/);
  });

  it('list_video_agent_styles has preview_video_url; get_video has thumbnail_url; get_avatar_group has consent_status', async () => {
    const styles = await h.ok('list_video_agent_styles', { limit: 3 });
    expect(styles.styles.some((s: { preview_video_url?: string }) => s.preview_video_url)).toBe(true);
    const look = await pickLook(h);
    const { video_id } = await h.ok('create_avatar_video', { avatar_id: look.look_id, script: 'Thumbnail check.', allow_duplicate: true });
    h.sim.advance(3_000);
    expect((await h.ok('get_video', { video_id })).thumbnail_url).toMatch(/^http/);
    const twin = await h.ok('create_digital_twin', { name: 'Consent twin', footage: VIDEO, allow_duplicate: true });
    expect((await h.ok('get_avatar_group', { group_id: twin.group_id })).consent_status).toEqual(expect.any(String));
  });
});
