import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connect, type Harness } from '../helpers/harness.js';
import { pickLook } from '../videos/helpers.js';

const VIDEO = 'https://cdn.example.com/talk.mp4';
const AUDIO = 'https://cdn.example.com/dub.mp3';
let h: Harness;
let look: string;
let voice: string;
beforeAll(async () => {
  h = await connect();
  const l = await pickLook(h);
  look = l.look_id;
  voice = l.default_voice_id;
});
afterAll(async () => { await h.close(); });
beforeEach(() => { h.sim.clearRequests(); });

const writes = () => h.sim.apiRequests().filter((r) => r.method !== 'GET');

describe('create_video_batch', () => {
  it('sends POST /v3/videos/batches with the bodies as given; wait_for_job and get_batch follow it', async () => {
    const videos = [
      { type: 'avatar', avatar_id: look, script: 'First one.', voice_id: voice },
      { type: 'image', image: { type: 'url', url: 'https://cdn.example.com/face.jpg' }, script: 'Second.', voice_id: voice },
    ];
    const out = await h.ok('create_video_batch', { videos, title: 'Two' });
    expect(out).toMatchObject({ batch_id: expect.any(String), status: 'processing', total_items: 2 });
    expect(writes()).toEqual([expect.objectContaining({ method: 'POST', path: '/v3/videos/batches', body: { videos, title: 'Two' } })]);
    h.sim.advance(3_000);
    expect(await h.ok('wait_for_job', { kind: 'video_batch', id: out.batch_id, timeout_seconds: 5 })).toMatchObject({ done: true, status: 'completed', progress: 100 });
    h.sim.clearRequests();
    const b = await h.ok('get_batch', { kind: 'video', batch_id: out.batch_id, limit: 1 });
    expect(b).toMatchObject({ status: 'completed', total_items: 2, counts: { completed: 2 }, items: [{ index: 0, status: 'completed', id: expect.any(String) }], next_token: expect.any(String) });
    expect(h.sim.apiRequests()[0]).toMatchObject({ method: 'GET', path: `/v3/videos/batches/${out.batch_id}`, query: { limit: '1' } });
    const rest = await h.ok('get_batch', { kind: 'video', batch_id: out.batch_id, next_token: b.next_token });
    expect(rest.items.map((i: { index: number }) => i.index)).toEqual([1]);
  });

  it('dry_run shows the request; an identical batch is not submitted twice', async () => {
    const videos = [{ type: 'avatar', avatar_id: look, script: 'Dry.', voice_id: voice }];
    expect((await h.ok('create_video_batch', { videos, dry_run: true })).request).toEqual({ method: 'POST', path: '/v3/videos/batches', body: { videos } });
    const a = await h.ok('create_video_batch', { videos });
    const b = await h.ok('create_video_batch', { videos });
    expect(b).toMatchObject({ batch_id: a.batch_id, reused: true });
    expect(writes()).toHaveLength(1);
  });

  it.each([
    [{ videos: [] }, /videos/],
    [{ videos: [{ type: 'slideshow' }] }, /videos/],
    [{ videos: [{ type: 'avatar', script: 'x' }] }, /videos\[0\]\.avatar_id/],
    [{ videos: [{ type: 'studio' }] }, /videos\[0\]\.scenes/],
    [{ videos: [{ type: 'avatar', avatar_id: 'a', captions: 'srt' }] }, /videos\[0\]\.captions: is not a field/],
    [{ videos: [{ type: 'avatar', avatar_id: 'a' }], callback_url: 'http://x.example.com' }, /callback_url/],
  ])('refuses %j with no request', async (args, field) => {
    expect(await h.fails('create_video_batch', args)).toMatch(field);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });

  it('HeyGen\'s refusal of one item names that item', async () => {
    const text = await h.fails('create_video_batch', { videos: [{ type: 'avatar', avatar_id: look, script: 'ok', voice_id: voice }, { type: 'avatar', avatar_id: 'no_such_look', script: 'x', voice_id: voice }] });
    expect(text).toMatch(/videos\.1\.avatar_id|not found/i);
  });
});

describe('create_lipsync_batch / create_video_translation_batch', () => {
  it('lipsync batch: POST /v3/lipsyncs/batches with url inputs from strings or objects', async () => {
    const out = await h.ok('create_lipsync_batch', { lipsyncs: [{ video: VIDEO, audio: AUDIO, title: 'A' }, { video: { type: 'url', url: VIDEO }, audio: `${AUDIO}?2`, mode: 'precision' }] });
    expect(writes()[0]).toMatchObject({
      method: 'POST', path: '/v3/lipsyncs/batches',
      body: { lipsyncs: [
        { video: { type: 'url', url: VIDEO }, audio: { type: 'url', url: AUDIO }, title: 'A' },
        { video: { type: 'url', url: VIDEO }, audio: { type: 'url', url: `${AUDIO}?2` }, mode: 'precision' },
      ] },
    });
    h.sim.advance(3_000);
    expect(await h.ok('wait_for_job', { kind: 'lipsync_batch', id: out.batch_id, timeout_seconds: 5 })).toMatchObject({ done: true, status: 'completed', progress: 100 });
    const st = await h.ok('get_job_statuses', { kind: 'lipsync', batch_ids: [out.batch_id] });
    expect(st.statuses).toHaveLength(2);
    expect(h.sim.apiRequests().at(-1)).toMatchObject({ method: 'GET', path: '/v3/lipsyncs/statuses', query: { batch_ids: out.batch_id } });
  });

  it('translation batch: one output language per item, checked against the language list first', async () => {
    const out = await h.ok('create_video_translation_batch', { video_translations: [
      { video: VIDEO, output_language: 'Spanish (Spain)', brand_voice_id: 'bv_1' },
      { video: VIDEO, output_language: 'French (France)', mode: 'precision' },
    ] });
    const post = writes()[0];
    expect(post).toMatchObject({ method: 'POST', path: '/v3/video-translations/batches' });
    expect(post?.body).toEqual({ video_translations: [
      { video: { type: 'url', url: VIDEO }, output_languages: ['Spanish (Spain)'], brand_voice_id: 'bv_1' },
      { video: { type: 'url', url: VIDEO }, output_languages: ['French (France)'], mode: 'precision' },
    ] });
    expect((await h.ok('get_batch', { kind: 'video_translation', batch_id: out.batch_id })).total_items).toBe(2);
    const first = (await h.ok('get_batch', { kind: 'video_translation', batch_id: out.batch_id })).items[0].id;
    h.sim.setOutcome(first, 'failed');
    h.sim.advance(5_000);
    // One item failed, one completed: the batch finished, and get_batch tells them apart.
    expect(await h.ok('wait_for_job', { kind: 'video_translation_batch', id: out.batch_id, timeout_seconds: 5 })).toMatchObject({ done: true, status: 'completed' });
    expect((await h.ok('get_batch', { kind: 'video_translation', batch_id: out.batch_id })).counts).toEqual({ completed: 1, failed: 1 });
    h.sim.clearRequests();
    expect(await h.fails('create_video_translation_batch', { video_translations: [{ video: VIDEO, output_language: 'Klingon' }] })).toMatch(/output_languages\[0\].*Klingon/);
    expect(writes()).toHaveLength(0);
  });

  it.each([
    ['create_lipsync_batch', { lipsyncs: [{ video: VIDEO }] }, /audio/],
    ['create_lipsync_batch', { lipsyncs: [{ video: VIDEO, audio: { type: 'url', url: 'http://a' } }] }, /^Invalid lipsyncs\.0\.audio\.url: must be https/],
    ['create_video_translation_batch', { video_translations: [{ video: VIDEO }] }, /output_language/],
    ['create_video_translation_batch', { video_translations: Array.from({ length: 101 }, () => ({ video: VIDEO, output_language: 'German' })) }, /video_translations/],
  ])('%s refuses %j with no request', async (tool, args, field) => {
    expect(await h.fails(tool, args)).toMatch(field);
    expect(writes()).toHaveLength(0);
  });
});

describe('upload batches and bulk statuses', () => {
  it('create_asset_upload_batch → PUT → complete_asset_upload_batch → asset_batch completes', async () => {
    const bytes = Buffer.from('1\n00:00:00,000 --> 00:00:01,000\nHi\n');
    const out = await h.ok('create_asset_upload_batch', { files: [{ filename: 'a.srt', content_type: 'application/x-subrip', size_bytes: bytes.length }], title: 'subs' });
    expect(writes()[0]).toMatchObject({ method: 'POST', path: '/v3/assets/direct-uploads/batches', body: { files: [{ filename: 'a.srt', content_type: 'application/x-subrip', size_bytes: bytes.length }], title: 'subs' } });
    const slot = out.uploads[0];
    const put = await fetch(slot.upload_url, { method: 'PUT', headers: slot.upload_headers, body: bytes });
    expect(put.status).toBe(200);
    h.sim.clearRequests();
    expect(await h.ok('complete_asset_upload_batch', { batch_id: out.batch_id })).toEqual({ batch_id: out.batch_id, status: 'processing' });
    expect(writes()[0]).toMatchObject({ method: 'POST', path: '/v3/assets/complete/batches', body: { batch_id: out.batch_id } });
    h.sim.advance(1_000);
    expect(await h.ok('wait_for_job', { kind: 'asset_batch', id: out.batch_id, timeout_seconds: 5 })).toMatchObject({ done: true, status: 'completed' });
    expect((await h.ok('get_batch', { kind: 'asset', batch_id: out.batch_id })).items[0]).toMatchObject({ id: slot.asset_id, status: 'completed' });
  });

  it('get_job_statuses sends comma-separated ids per kind; unknown ids come back not_found', async () => {
    for (const [kind, path, param] of [['video', '/v3/videos/statuses', 'video_ids'], ['lipsync', '/v3/lipsyncs/statuses', 'lipsync_ids'], ['video_translation', '/v3/video-translations/statuses', 'video_translation_ids'], ['asset', '/v3/assets/statuses', 'asset_ids']] as const) {
      h.sim.clearRequests();
      const out = await h.ok('get_job_statuses', { kind, ids: ['x1', 'x2'] });
      expect(out.statuses).toEqual([{ id: 'x1', status: 'not_found', error: expect.any(String) }, { id: 'x2', status: 'not_found', error: expect.any(String) }]);
      expect(h.sim.apiRequests()).toEqual([expect.objectContaining({ method: 'GET', path, query: { [param]: 'x1,x2' } })]);
    }
  });

  it.each([
    [{ kind: 'video' }, /ids/],
    [{ kind: 'avatar', ids: ['a'] }, /kind/],
    [{ kind: 'video', ids: Array.from({ length: 101 }, (_, i) => `v${i}`) }, /ids/],
  ])('get_job_statuses refuses %j with no request', async (args, field) => {
    expect(await h.fails('get_job_statuses', args)).toMatch(field);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });

  it('get_batch of an unknown batch is not found; a bad upload batch is refused', async () => {
    expect(await h.fails('get_batch', { kind: 'lipsync', batch_id: 'nope' })).toMatch(/Not found/);
    expect(await h.fails('create_asset_upload_batch', { files: [{ filename: 'a.bin', content_type: 'nonsense', size_bytes: 1 }] })).toMatch(/content_type/);
    expect(await h.fails('complete_asset_upload_batch', { batch_id: 'nope' })).toMatch(/Not found/);
  });
});
