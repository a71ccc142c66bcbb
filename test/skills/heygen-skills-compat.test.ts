import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connect, type Harness } from '../helpers/harness.js';

/**
 * HeyGen's published agent skills (github.com/heygen-com/skills: heygen-avatar, heygen-video,
 * heygen-translate) name MCP tools and their arguments in their own shapes. Each call below is
 * one the skills make, with their argument names, against the default toolsets; each asserts
 * the output fields the skills read next and the request HeyGen received.
 */

const PHOTO = 'https://cdn.example.com/headshot.jpg';
const FOOTAGE = 'https://cdn.example.com/recording.mp4';
const SOURCE = 'https://cdn.example.com/keynote.mp4';
let h: Harness;
beforeAll(async () => { h = await connect({ argv: [] }); });
afterAll(async () => { await h.close(); });
beforeEach(() => { h.sim.clearRequests(); });

const post = (path: string) => h.sim.apiRequests().find((r) => r.method === 'POST' && r.path === path);

/** Every tool the skills name for their MCP path. */
const SKILL_TOOLS = [
  'create_video_agent', 'get_video_agent_session', 'get_video', 'list_avatar_groups', 'list_avatar_looks', 'get_avatar_look',
  'create_photo_avatar', 'create_prompt_avatar', 'create_digital_twin', 'list_voices', 'design_voice', 'create_speech',
  'list_video_agent_styles', 'create_video_from_image', 'create_video_translation', 'get_video_translation', 'list_video_translation_languages',
];

describe('HeyGen skills against the default toolsets', () => {
  it('every tool the skills name is listed by default, each once', async () => {
    const names = (await h.client.listTools()).tools.map((t) => t.name);
    for (const t of SKILL_TOOLS) expect(names, t).toContain(t);
    expect(names).not.toContain('list_translation_languages');
    expect(new Set(names).size).toBe(names.length);
  });

  it('heygen-avatar: create_photo_avatar(name, file={type,url}) → group and look ids; the readiness gate waits for preview_image_url', async () => {
    const made = await h.ok('create_photo_avatar', { name: 'Skill photo', file: { type: 'url', url: PHOTO } });
    expect(made).toMatchObject({ group_id: expect.any(String) });
    expect(post('/v3/avatars')?.body).toEqual({ type: 'photo', name: 'Skill photo', file: { type: 'url', url: PHOTO } });
    // The skills' gate: list_avatar_looks(group_id) until preview_image_url is non-null.
    h.sim.advance(5_000);
    const looks = await h.ok('list_avatar_looks', { group_id: made.group_id });
    expect(looks.looks[0]).toMatchObject({ look_id: expect.any(String), preview_image_url: expect.stringMatching(/^http/) });
    // heygen-video frame check: avatar_type, preview_image_url, image_width, image_height.
    const look = await h.ok('get_avatar_look', { look_id: looks.looks[0].look_id });
    expect(look).toMatchObject({ avatar_type: 'photo_avatar', preview_image_url: expect.any(String), image_width: expect.any(Number), image_height: expect.any(Number) });
  });

  it('heygen-avatar: create_photo_avatar with an asset_id file, and a base64 file, into an existing group', async () => {
    const asset = await h.ok('upload_asset', { base64: PNG, filename: 'me.png' });
    await h.ok('create_photo_avatar', { name: 'From asset', file: { type: 'asset_id', asset_id: asset.asset_id } });
    expect(post('/v3/avatars')?.body).toMatchObject({ file: { type: 'asset_id', asset_id: asset.asset_id } });
    h.sim.clearRequests();
    const group = (await h.ok('list_avatar_groups', { ownership: 'private', limit: 1 })).groups[0].group_id;
    await h.ok('create_photo_avatar', { name: 'Inline', file: { type: 'base64', media_type: 'image/png', data: PNG }, avatar_group_id: group });
    expect(post('/v3/avatars')?.body).toMatchObject({ file: { type: 'base64', media_type: 'image/png' }, avatar_group_id: group });
  });

  it('heygen-avatar: create_digital_twin(name, file={type:"url"}) and create_prompt_avatar(name, prompt)', async () => {
    expect(await h.ok('create_digital_twin', { name: 'Twin', file: { type: 'url', url: FOOTAGE } })).toMatchObject({ group_id: expect.any(String), next_step: expect.stringMatching(/consent/i) });
    expect(post('/v3/avatars')?.body).toEqual({ type: 'digital_twin', name: 'Twin', file: { type: 'url', url: FOOTAGE } });
    h.sim.clearRequests();
    await h.ok('create_prompt_avatar', { name: 'Presenter', prompt: 'Young professional woman, modern workspace, confident smile' });
    expect(post('/v3/avatars')?.body).toMatchObject({ type: 'prompt', name: 'Presenter' });
  });

  it('heygen-avatar voice phase: list_voices(type=private), list_voices(type=public, language, gender) with a code or a name, design_voice(prompt, seed)', async () => {
    await h.ok('list_voices', { type: 'private' });
    h.sim.clearRequests();
    const pages: Record<string, any>[] = [];
    for (const language of ['en', 'en-US', 'English']) pages.push(await h.ok('list_voices', { type: 'public', language, gender: 'female', limit: 3 }));
    expect(pages[0]!.voices.length).toBeGreaterThan(0);
    expect(pages[0]!.voices[0]).toMatchObject({ language: 'English', gender: 'female', preview_audio_url: expect.any(String) });
    // The three spellings are one filter: HeyGen is asked once, by name (the other two hit the cache).
    expect(pages[1]).toEqual(pages[0]);
    expect(pages[2]).toEqual(pages[0]);
    expect(h.sim.apiRequests().map((r) => r.query)).toEqual([expect.objectContaining({ type: 'public', language: 'English', gender: 'female' })]);
    const designed = await h.ok('design_voice', { prompt: 'A calm, warm female voice. Professional but approachable.', seed: 0 });
    expect(designed.voices[0]).toMatchObject({ voice_id: expect.any(String), preview_audio_url: expect.any(String) });
  });

  it('heygen-video: create_speech with input_type and language + locale as the skills pass them', async () => {
    const voice = (await h.ok('list_voices', { engine: 'starfish', language: 'en', limit: 1 })).voices[0].voice_id;
    h.sim.clearRequests();
    const out = await h.ok('create_speech', { text: 'A short sample.', voice_id: voice, input_type: 'plain_text', language: 'en', locale: 'en-US' });
    expect(out).toMatchObject({ audio_url: expect.any(String), word_timestamps: expect.any(Array) });
    expect(post('/v3/voices/speech')?.body).toEqual({ text: 'A short sample.', voice_id: voice, locale: 'en-US' });
  });

  it('heygen-video: create_video_from_image(image_url, script, voice_id, aspect_ratio)', async () => {
    const voice = (await h.ok('list_voices', { language: 'English', limit: 1 })).voices[0].voice_id;
    h.sim.clearRequests();
    const out = await h.ok('create_video_from_image', { image_url: PHOTO, script: 'Hello from a photo.', voice_id: voice, aspect_ratio: '16:9' });
    expect(out).toMatchObject({ video_id: expect.any(String) });
    expect(post('/v3/videos')?.body).toMatchObject({ type: 'image', image: { type: 'url', url: PHOTO }, script: 'Hello from a photo.', voice_id: voice, aspect_ratio: '16:9' });
    h.sim.clearRequests();
    expect(await h.fails('create_video_from_image', { image_url: PHOTO, image: PHOTO, script: 'x', voice_id: voice })).toMatch(/image/);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });

  it('heygen-translate: list_video_translation_languages, create_video_translation(video={type,url}, …), get_video_translation(id)', async () => {
    const { languages } = await h.ok('list_video_translation_languages');
    expect(languages).toContain('Spanish (Spain)');
    expect((await h.ok('list_translation_languages')).languages).toEqual(languages);
    h.sim.clearRequests();
    const out = await h.ok('create_video_translation', {
      video: { type: 'url', url: SOURCE }, output_languages: ['Spanish (Spain)'], mode: 'precision', enable_speech_enhancement: true,
      enable_caption: true, enable_dynamic_duration: true, keep_the_same_format: true, speaker_num: 1,
    });
    expect(post('/v3/video-translations')?.body).toEqual({
      video: { type: 'url', url: SOURCE }, output_languages: ['Spanish (Spain)'], mode: 'precision', enable_speech_enhancement: true,
      enable_caption: true, enable_dynamic_duration: true, keep_the_same_format: true, speaker_num: 1,
    });
    const id = out.translations[0].video_translation_id;
    h.sim.advance(5_000);
    expect(await h.ok('get_video_translation', { id })).toMatchObject({ video_translation_id: id, status: 'completed', video_url: expect.any(String) });
  });

  it('skill shapes are checked like ours: a bad file object or video object names the field, with no request', async () => {
    expect(await h.fails('create_photo_avatar', { name: 'x', file: { type: 'url', url: 'http://insecure.example.com/a.jpg' } })).toMatch(/file\.url/);
    expect(await h.fails('create_photo_avatar', { name: 'x', file: { type: 'url', url: PHOTO }, image_url: PHOTO })).toMatch(/file/);
    expect(await h.fails('create_digital_twin', { name: 'x', file: { type: 'asset_id' } })).toMatch(/file\.asset_id/);
    expect(await h.fails('create_video_translation', { video: { type: 'url' }, output_languages: ['German'] })).toMatch(/video\.url/);
    expect(await h.fails('get_video_translation', {})).toMatch(/video_translation_id/);
    expect(await h.fails('create_speech', { text: 'x', voice_id: 'v', language: 'fr', locale: 'en-US' })).toMatch(/language/);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });
});

/** A 1×1 PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
