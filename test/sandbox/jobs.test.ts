import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, type Harness } from './helpers.js';

let h: Harness;
beforeAll(async () => { h = await harness({ speed: 60 }); });
afterAll(async () => { await h.sim.close(); });

/** Advance simulated seconds at speed 60. */
const simSeconds = (s: number) => h.sim.advance((s * 1000) / 60);

async function look(type = 'studio_avatar'): Promise<any> {
  return (await h.call('GET', `/v3/avatars/looks?avatar_type=${type}&limit=1`)).json.data[0];
}

describe('job status progression', () => {
  it('video: waiting -> pending -> processing -> completed with file URLs', async () => {
    const l = await look();
    const c = await h.call('POST', '/v3/videos', { type: 'avatar', avatar_id: l.id, script: 'Hello there', caption: { file_format: 'srt' } });
    expect(c.json.data.status).toBe('waiting');
    const id = c.json.data.video_id;
    const get = async () => (await h.call('GET', `/v3/videos/${id}`)).json.data;
    expect((await get()).status).toBe('pending');
    expect((await get()).video_url).toBeNull();
    simSeconds(30);
    expect((await get()).status).toBe('processing');
    const st = await h.call('GET', `/v3/videos/statuses?video_ids=${id},missing`);
    expect(st.json.data.map((x: any) => x.status)).toEqual(['processing', 'not_found']);
    simSeconds(70);
    const done = await get();
    expect(done.status).toBe('completed');
    expect(done.video_url).toMatch(/\/files\/.+sample\.mp4\?expires=\d+&sig=/);
    expect(done.captioned_video_url).toBeTruthy();
    expect(done.thumbnail_url).toContain('preview.jpg');
    expect(done.duration).toBeGreaterThan(0);
  });

  it('video: setOutcome failed yields failure_code/message', async () => {
    const l = await look();
    const id = (await h.call('POST', '/v3/videos', { type: 'avatar', avatar_id: l.id, script: 'x' })).json.data.video_id;
    h.sim.setOutcome(id, 'failed');
    simSeconds(200);
    const v = (await h.call('GET', `/v3/videos/${id}`)).json.data;
    expect(v.status).toBe('failed');
    expect(v.failure_code).toBeTruthy();
    expect(v.failure_message).toBeTruthy();
    expect(v.video_url).toBeNull();
  });

  it('video agent (generate): thinking -> generating -> completed with a video', async () => {
    const c = await h.call('POST', '/v3/video-agents', { prompt: 'A 30 second explainer about solar panels' });
    expect(c.status).toBe(200);
    const sid = c.json.data.session_id;
    const get = async () => (await h.call('GET', `/v3/video-agents/${sid}`)).json.data;
    expect((await get()).status).toBe('thinking');
    simSeconds(120);
    const mid = await get();
    expect(mid.status).toBe('generating');
    expect(mid.progress).toBeGreaterThan(0);
    expect(mid.progress).toBeLessThan(100);
    simSeconds(300);
    const done = await get();
    expect(done.status).toBe('completed');
    expect(done.progress).toBe(100);
    expect(done.video_id).toBe(c.json.data.video_id);
    expect((await h.call('GET', `/v3/videos/${done.video_id}`)).json.data.status).toBe('completed');
    const vids = await h.call('GET', `/v3/video-agents/${sid}/videos`);
    expect(vids.json.data[0].id).toBe(done.video_id);
    const resId = done.messages.find((m: any) => m.type === 'resource').resource_ids[0];
    expect((await h.call('GET', `/v3/video-agents/${sid}/resources/${resId}`)).json.data.resource_id).toBe(resId);
    const send = await h.call('POST', `/v3/video-agents/${sid}`, { message: 'more' });
    expect(send.status).toBe(400);
  });

  it('video agent (chat): waiting_for_input, then send continues to completed', async () => {
    const c = await h.call('POST', '/v3/video-agents', { prompt: 'Pitch video', mode: 'chat' });
    const sid = c.json.data.session_id;
    expect(c.json.data.video_id).toBeNull();
    simSeconds(40);
    const w = (await h.call('GET', `/v3/video-agents/${sid}`)).json.data;
    expect(w.status).toBe('waiting_for_input');
    expect(w.video_id).toBeNull();
    const s = await h.call('POST', `/v3/video-agents/${sid}`, { message: 'Looks good, go' });
    expect(s.json.data.run_id).toBeTruthy();
    expect((await h.call('GET', `/v3/video-agents/${sid}`)).json.data.status).toBe('thinking');
    simSeconds(300);
    const done = (await h.call('GET', `/v3/video-agents/${sid}`)).json.data;
    expect(done.status).toBe('completed');
    expect(done.video_id).toBeTruthy();
  });

  it('video agent stop fails an active session', async () => {
    const sid = (await h.call('POST', '/v3/video-agents', { prompt: 'Stop me' })).json.data.session_id;
    simSeconds(90);
    expect((await h.call('POST', `/v3/video-agents/${sid}/stop`, {})).json.data.session_id).toBe(sid);
    simSeconds(600);
    expect((await h.call('GET', `/v3/video-agents/${sid}`)).json.data.status).toBe('failed');
  });

  it('translation: pending -> running -> completed, one id per language', async () => {
    const c = await h.call('POST', '/v3/video-translations', { video: { type: 'url', url: 'https://example.com/v.mp4' }, output_languages: ['Spanish', 'French'] });
    expect(c.json.data.video_translation_ids).toHaveLength(2);
    const id = c.json.data.video_translation_ids[0];
    const st = async () => (await h.call('GET', `/v3/video-translations/${id}`)).json.data;
    expect((await st()).status).toBe('pending');
    simSeconds(60);
    expect((await st()).status).toBe('running');
    simSeconds(200);
    const done = await st();
    expect(done.status).toBe('completed');
    expect(done.output_language).toBe('Spanish');
    expect(done.video_url).toContain('/files/');
    const bad = await h.call('POST', '/v3/video-translations', { video: { type: 'url', url: 'https://e.com/v.mp4' }, output_languages: ['Klingon'] });
    expect(bad.json.error.param).toBe('output_languages.0');
  });

  it('proofread: processing -> completed, srt, generate -> translation', async () => {
    const c = await h.call('POST', '/v3/video-translations/proofreads', { video: { type: 'url', url: 'https://e.com/v.mp4' }, output_languages: ['German'], title: 'P' });
    const pid = c.json.data.proofread_ids[0];
    expect(c.json.data.status).toBe('processing');
    expect((await h.call('GET', `/v3/video-translations/proofreads/${pid}/srt`)).status).toBe(409);
    simSeconds(130);
    expect((await h.call('GET', `/v3/video-translations/proofreads/${pid}`)).json.data.status).toBe('completed');
    const srt = await h.call('GET', `/v3/video-translations/proofreads/${pid}/srt`);
    expect(srt.json.data.srt_url).toContain('captions.srt');
    const put = await h.call('PUT', `/v3/video-translations/proofreads/${pid}/srt`, { srt: { type: 'url', url: 'https://e.com/a.srt' } });
    expect(put.status).toBe(200);
    const gen = await h.call('POST', `/v3/video-translations/proofreads/${pid}/generate`, { captions: true });
    const tid = gen.json.data.video_translation_id;
    simSeconds(300);
    expect((await h.call('GET', `/v3/video-translations/${tid}`)).json.data.status).toBe('completed');
  });

  it('lipsync: pending -> running -> completed', async () => {
    const c = await h.call('POST', '/v3/lipsyncs', { video: { type: 'url', url: 'https://e.com/v.mp4' }, audio: { type: 'url', url: 'https://e.com/a.mp3' } });
    const id = c.json.data.lipsync_id;
    const st = async () => (await h.call('GET', `/v3/lipsyncs/${id}`)).json.data.status;
    expect(await st()).toBe('pending');
    simSeconds(30);
    expect(await st()).toBe('running');
    simSeconds(100);
    expect(await st()).toBe('completed');
    expect((await h.call('PATCH', `/v3/lipsyncs/${id}`, { title: 'Renamed' })).json.data.title).toBe('Renamed');
  });

  it('avatar: digital twin waits for consent, then trains; photo trains directly', async () => {
    const c = await h.call('POST', '/v3/avatars', { type: 'digital_twin', name: 'Me', file: { type: 'url', url: 'https://e.com/me.mp4' } });
    const gid = c.json.data.avatar_group.id;
    const lookId = c.json.data.avatar_item.id;
    expect(c.json.data.avatar_group.status).toBe('pending_consent');
    simSeconds(1000);
    expect((await h.call('GET', `/v3/avatars/${gid}`)).json.data.status).toBe('pending_consent');
    const blocked = await h.call('POST', '/v3/videos', { type: 'avatar', avatar_id: lookId, script: 'x' });
    expect(blocked.json.error.param).toBe('avatar_id');
    const consent = await h.call('POST', `/v3/avatars/${gid}/consent`, {});
    expect(consent.json.data.url).toBeTruthy();
    expect((await h.call('GET', `/v3/avatars/${gid}`)).json.data.status).toBe('processing');
    simSeconds(301);
    expect((await h.call('GET', `/v3/avatars/looks/${lookId}`)).json.data.status).toBe('completed');
    const p = await h.call('POST', '/v3/avatars', { type: 'photo', name: 'Pic', file: { type: 'url', url: 'https://e.com/p.png' } });
    expect(p.json.data.avatar_group.status).toBe('processing');
    const badType = await h.call('POST', '/v3/avatars', { type: 'photo', name: 'Pic' });
    expect(badType.json.error.param).toBe('file');
    simSeconds(200);
    expect((await h.call('GET', `/v3/avatars/${p.json.data.avatar_group.id}`)).json.data.status).toBe('completed');
  });

  it('voice clone: processing -> complete (not completed)', async () => {
    const c = await h.call('POST', '/v3/voices/clone', { voice_name: 'Me', audio: { type: 'url', url: 'https://e.com/a.mp3' } });
    const id = c.json.data.voice_clone_id;
    expect((await h.call('GET', `/v3/voices/${id}`)).json.data.status).toBe('processing');
    simSeconds(61);
    expect((await h.call('GET', `/v3/voices/${id}`)).json.data.status).toBe('complete');
    expect((await h.call('DELETE', `/v3/voices/${id}`)).status).toBe(200);
    expect((await h.call('DELETE', `/v3/voices/${id}`)).json.error.code).toBe('voice_not_found');
  });
});

describe('webhook events', () => {
  it('lists events for finished jobs, filterable by type and entity', async () => {
    const r = await h.call('GET', '/v3/webhooks/events?event_type=avatar_video.success&limit=100');
    expect(r.status).toBe(200);
    expect(r.json.data.length).toBeGreaterThan(0);
    expect(r.json.data.every((e: any) => e.event_type === 'avatar_video.success')).toBe(true);
    const one = r.json.data[0];
    const byEntity = await h.call('GET', `/v3/webhooks/events?entity_id=${one.event_data.video_id}`);
    expect(byEntity.json.data.map((e: any) => e.event_id)).toEqual([one.event_id]);
    expect((await h.call('GET', '/v3/webhooks/events?event_type=bogus')).json.error.param).toBe('event_type');
  });
});
