import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connect, textOf, type Harness } from '../helpers/harness.js';
import { pickLook, posts } from './helpers.js';
import { MP4, PNG } from '../assets/fixtures.js';

let h: Harness;
let look: { look_id: string; default_voice_id: string };
beforeAll(async () => { h = await connect(); look = await pickLook(h); });
afterAll(async () => { await h.close(); });
beforeEach(() => { h.sim.clearRequests(); h.sim.clearFaults(); });

describe('create_avatar_video', () => {
  it('POSTs a type avatar body with aspect_ratio auto by default, captions, background and engine', async () => {
    const r = await h.call('create_avatar_video', {
      avatar_id: look.look_id, script: 'Hello from the test suite.', captions: 'burned_in', background: '#112233',
      engine: 'avatar_v', voice_settings: { speed: 1.1 }, resolution: '1080p', title: 'T1',
    });
    expect(r.isError, textOf(r)).toBeFalsy();
    const out = r.structuredContent as any;
    expect(out.video_id).toMatch(/^[0-9a-f]+$/);
    const [req] = posts(h, '/v3/videos');
    expect(req!.headers['x-api-key']).toBe(h.sim.apiKey);
    expect(req!.headers['content-type']).toBe('application/json');
    expect(req!.body).toEqual({
      type: 'avatar', avatar_id: look.look_id, script: 'Hello from the test suite.', voice_settings: { speed: 1.1 },
      aspect_ratio: 'auto', resolution: '1080p', title: 'T1', engine: { type: 'avatar_v' },
      background: { type: 'color', value: '#112233' }, caption: { file_format: 'srt', style: 'default' },
    });
    expect(r.content.some((c: any) => c.type === 'resource_link' && c.uri === `heygen://videos/${out.video_id}`)).toBe(true);
    expect((await h.deps.state.jobs.recent(5)).some((j) => j.id === out.video_id && j.kind === 'video')).toBe(true);
  });

  it('sends reference_look_id inside the avatar_v engine object', async () => {
    const r = await h.ok('create_avatar_video', { avatar_id: look.look_id, script: 'Ref.', engine: 'avatar_v', reference_look_id: look.look_id, dry_run: true });
    expect(r.request.body.engine).toEqual({ type: 'avatar_v', reference_look_id: look.look_id });
  });

  it('maps the flat voice, background, audio and watermark fields onto the v3 objects', async () => {
    const r = await h.ok('create_avatar_video', {
      avatar_id: look.look_id, script: 'Tuned.', background: 'https://cdn.example.com/bg.png', dry_run: true,
      voice_settings: { speed: 0.9, engine: 'elevenlabs', model: 'eleven_v3', similarity: 0.7, speaker_boost: true },
      watermark: { image: 'logo_asset_1', opacity: 0.5, position: 'top_left' },
    });
    expect(r.request.body).toMatchObject({
      voice_settings: { speed: 0.9, engine_settings: { engine_type: 'elevenlabs', model: 'eleven_v3', similarity_boost: 0.7, use_speaker_boost: true } },
      background: { type: 'image', url: 'https://cdn.example.com/bg.png' },
      watermark: { image: { type: 'asset_id', asset_id: 'logo_asset_1' }, opacity: 0.5, placement: { position: 'top_left' } },
    });
    const b = await h.ok('create_avatar_video', { avatar_id: look.look_id, audio: 'audio_asset_1', background: 'bg_asset_1', voice_settings: { engine: 'fish', similarity: 0.2 }, dry_run: true });
    expect(b.request.body).toMatchObject({ audio_asset_id: 'audio_asset_1', background: { type: 'image', asset_id: 'bg_asset_1' }, voice_settings: { engine_settings: { engine_type: 'fish', similarity: 0.2 } } });
  });

  it('sends audio instead of a script, and 9:16 when asked', async () => {
    await h.ok('create_avatar_video', { avatar_id: look.look_id, audio: 'https://cdn.example.com/a.mp3', aspect_ratio: '9:16' });
    expect(posts(h, '/v3/videos')[0]!.body).toEqual({ type: 'avatar', avatar_id: look.look_id, audio_url: 'https://cdn.example.com/a.mp3', aspect_ratio: '9:16' });
  });

  it.each([
    [{ script: '' }, /script/],
    [{ script: 'x'.repeat(5001) }, /script/],
    [{ script: 'hi', aspect_ratio: '21:9' }, /aspect_ratio/],
    [{ script: 'hi', resolution: '8k' }, /resolution/],
    [{ script: 'hi', audio: 'https://cdn.example.com/a.mp3' }, /audio.*only one/],
    [{ audio: 'http://cdn.example.com/a.mp3' }, /audio/],
    [{}, /script/],
    [{ audio: 'a1', voice_id: 'v1' }, /voice_id/],
    [{ script: 'hi', background: '#00000' }, /background/],
    [{ script: 'hi', background: 'http://cdn.example.com/b.png' }, /background/],
    [{ script: 'hi', output_format: 'webm', background: '#000000' }, /webm/],
    [{ script: 'hi', voice_settings: { stability: 0.5 } }, /voice_settings\.stability.*engine/],
    [{ script: 'hi', voice_settings: { engine: 'fish', style: 0.5 } }, /voice_settings\.style/],
    [{ script: 'hi', voice_settings: { engine: 'fish', model: 'eleven_v3' } }, /voice_settings\.model/],
    [{ script: 'hi', engine: 'avatar_v', expressiveness: 'high' }, /expressiveness/],
    [{ script: 'hi', reference_look_id: 'abc' }, /reference_look_id/],
    [{ script: 'hi', callback_url: 'http://plain.example.com/hook' }, /callback_url/],
  ])('refuses %j with no request', async (extra, why) => {
    expect(await h.fails('create_avatar_video', { avatar_id: look.look_id, ...extra })).toMatch(why);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });

  it('refuses an id with path characters with no request', async () => {
    expect(await h.fails('create_avatar_video', { avatar_id: '../../v3/users/me', script: 'hi' })).toMatch(/avatar_id/);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });

  it('dry_run returns the exact request and sends nothing', async () => {
    const r = await h.ok('create_avatar_video', { avatar_id: look.look_id, script: 'Dry.', dry_run: true });
    expect(r).toEqual({ dry_run: true, request: { method: 'POST', path: '/v3/videos', body: { type: 'avatar', avatar_id: look.look_id, script: 'Dry.', aspect_ratio: 'auto' } } });
    expect(h.sim.apiRequests()).toHaveLength(0);
  });

  it('an identical repeat returns the first job with reused:true and one POST', async () => {
    const args = { avatar_id: look.look_id, script: 'Only once, please.' };
    const a = await h.ok('create_avatar_video', args);
    const b = await h.ok('create_avatar_video', args);
    expect(b).toMatchObject({ video_id: a.video_id, reused: true });
    expect(posts(h, '/v3/videos')).toHaveLength(1);
  });

  it('a 500 on create is sent once and says the video may exist and to check list_videos', async () => {
    h.sim.fault({ method: 'POST', path: '/v3/videos', kind: 'status', status: 500 });
    const text = await h.fails('create_avatar_video', { avatar_id: look.look_id, script: 'Ambiguous.' });
    expect(text).toMatch(/may have been created/);
    expect(text).toMatch(/list_videos/);
    expect(posts(h, '/v3/videos')).toHaveLength(1);
  });
});

describe('create_avatar_video without credit', () => {
  it('402 insufficient_credit gives a clear message', async () => {
    const low = await connect({ sim: { apiKeys: ['sk_low'], lowCreditKeys: ['sk_low'] }, apiKey: 'sk_low' });
    try {
      const text = await low.fails('create_avatar_video', { avatar_id: look.look_id, script: 'No money.' });
      expect(text).toMatch(/Not enough HeyGen credits/);
      expect(text).toMatch(/get_account/);
    } finally { await low.close(); }
  });
});

describe('create_video_from_image', () => {
  it('POSTs type image with the photo as an AssetInput and auto framing', async () => {
    await h.ok('create_video_from_image', { image: 'https://cdn.example.com/me.jpg', script: 'Hi!', voice_id: look.default_voice_id, expressiveness: 'high', motion_prompt: 'nods' });
    expect(posts(h, '/v3/videos')[0]!.body).toEqual({
      type: 'image', image: { type: 'url', url: 'https://cdn.example.com/me.jpg' }, script: 'Hi!', voice_id: look.default_voice_id,
      aspect_ratio: 'auto', expressiveness: 'high', motion_prompt: 'nods',
    });
  });

  it('takes a data: URI typed from its bytes, and refuses bytes that are not an image', async () => {
    const png = PNG(32);
    const r = await h.ok('create_video_from_image', { image: `data:image/png;base64,${png.toString('base64')}`, audio: 'https://cdn.example.com/a.mp3', dry_run: true });
    expect(r.request.body.image).toEqual({ type: 'base64', media_type: 'image/png', data: png.toString('base64') });
    expect(await h.fails('create_video_from_image', { image: 'data:image/png;base64,aGVsbG8=', audio: 'https://cdn.example.com/a.mp3' })).toMatch(/^Invalid image: content must be PNG or JPEG \(read from the bytes\)/);
  });

  it.each([
    [{ script: 'Hi', voice_id: 'v' }, /image/],
    [{ image: 'ftp://x.example.com/a.jpg', script: 'Hi', voice_id: 'v' }, /image/],
    [{ image: 'https://x.example.com/a.jpg', script: 'Hi' }, /voice_id/],
    [{ image: 'data:image/png,aGk=', script: 'Hi', voice_id: 'v' }, /image/],
  ])('refuses %j with no request', async (args, why) => {
    expect(await h.fails('create_video_from_image', args)).toMatch(why);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });
});

describe('create_studio_video', () => {
  it('maps flat scenes onto the v3 studio scene union', async () => {
    const r = await h.call('create_studio_video', {
      aspect_ratio: '16:9', captions: 'srt',
      scenes: [
        { type: 'avatar', avatar_id: look.look_id, script: 'Scene one.', background_color: '#FFFFFF' },
        { type: 'image', source: 'https://cdn.example.com/chart.png', duration: 4 },
        { type: 'photo', source: 'https://cdn.example.com/p.jpg', script: 'Scene three.', voice_id: look.default_voice_id },
        { type: 'video', source: 'https://cdn.example.com/clip.mp4', mute: true },
      ],
    });
    expect(r.isError, textOf(r)).toBeFalsy();
    expect(posts(h, '/v3/videos')[0]!.body).toEqual({
      type: 'studio', aspect_ratio: '16:9', caption: { file_format: 'srt' },
      scenes: [
        { type: 'avatar_video', input: { type: 'avatar', avatar_id: look.look_id, script: 'Scene one.', background: { type: 'color', color: '#FFFFFF' } } },
        { type: 'image', source: { type: 'url', url: 'https://cdn.example.com/chart.png' }, duration: 4 },
        { type: 'avatar_video', input: { type: 'image', image: { type: 'url', url: 'https://cdn.example.com/p.jpg' }, script: 'Scene three.', voice_id: look.default_voice_id } },
        { type: 'video', source: { type: 'url', url: 'https://cdn.example.com/clip.mp4' }, playback: { mute: true } },
      ],
    });
  });

  it.each([
    [[], /scenes/],
    [[{ type: 'image', source: 'https://cdn.example.com/c.png' }], /scenes\.0\.duration/],
    [[{ type: 'image', source: 'https://cdn.example.com/c.png', duration: 3, audio: 'https://cdn.example.com/a.mp3' }], /scenes\.0\.duration/],
    [[{ type: 'avatar', avatar_id: 'abc', script: 'a', audio: 'https://cdn.example.com/a.mp3' }], /scenes\.0\.audio/],
    [[{ type: 'video', source: 'not a file!' }], /scenes\.0\.source/],
    [[{ type: 'video', source: 'https://cdn.example.com/c.mp4', avatar_id: 'abc' }], /scenes\.0\.avatar_id/],
    [[{ type: 'cartoon' }], /scenes/],
    [[{ type: 'image', source: `data:image/png;base64,${MP4().toString('base64')}`, duration: 2 }], /^Invalid scenes\.0\.source: an image scene takes a PNG or JPEG image \(the bytes are video\/mp4\)/],
    [[{ type: 'video', source: `data:video/mp4;base64,${PNG().toString('base64')}` }], /^Invalid scenes\.0\.source: a video scene takes an MP4 or WebM video/],
    [[{ type: 'video', source: { type: 'url', url: 'http://cdn.example.com/c.mp4' } }], /^Invalid scenes\.0\.source\.url: must be https/],
  ])('refuses scenes %j with no request', async (scenes, why) => {
    expect(await h.fails('create_studio_video', { scenes })).toMatch(why);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });
});

describe('create_cinematic_video', () => {
  it('POSTs type cinematic_avatar with the look ids as avatar_id', async () => {
    await h.ok('create_cinematic_video', { prompt: 'A chef plates dessert under warm light.', avatar_ids: [look.look_id], duration: 8, aspect_ratio: '9:16' });
    expect(posts(h, '/v3/videos')[0]!.body).toEqual({ type: 'cinematic_avatar', prompt: 'A chef plates dessert under warm light.', avatar_id: [look.look_id], duration: 8, aspect_ratio: '9:16' });
  });

  it.each([
    [{ avatar_ids: [], prompt: 'x' }, /avatar_ids/],
    [{ avatar_ids: ['a'], prompt: 'x', duration: 20 }, /duration/],
    [{ avatar_ids: ['a'], prompt: 'x', duration: 5, auto_duration: true }, /duration/],
    [{ avatar_ids: ['a'], prompt: 'x', aspect_ratio: 'auto' }, /aspect_ratio/],
  ])('refuses %j with no request', async (args, why) => {
    expect(await h.fails('create_cinematic_video', args)).toMatch(why);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });
});
