import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connect, type Harness } from '../helpers/harness.js';

const VIDEO = 'https://cdn.example.com/talk.mp4';
const AUDIO = 'https://cdn.example.com/dub.mp3';
let h: Harness;
beforeAll(async () => { h = await connect(); });
afterAll(async () => { await h.close(); });
beforeEach(() => { h.sim.clearRequests(); });

const writes = () => h.sim.apiRequests().filter((r) => r.method !== 'GET');

describe('create_lipsync', () => {
  it('sends POST /v3/lipsyncs with url inputs and the chosen options, links and records the job', async () => {
    const r = await h.call('create_lipsync', { video: VIDEO, audio: AUDIO, title: 'Dub', mode: 'precision', enable_caption: true, start_time: 1.5, allow_duplicate: true });
    expect(r.isError).toBeFalsy();
    const out = r.structuredContent as any;
    expect(out).toMatchObject({ status: 'pending' });
    expect(writes()[0]).toMatchObject({ method: 'POST', path: '/v3/lipsyncs' });
    expect(writes()[0]?.body).toEqual({ video: { type: 'url', url: VIDEO }, audio: { type: 'url', url: AUDIO }, title: 'Dub', mode: 'precision', enable_caption: true, start_time: 1.5 });
    expect(r.content.some((c) => c.type === 'resource_link' && c.uri === `heygen://lipsyncs/${out.lipsync_id}`)).toBe(true);
    expect((await h.deps.state.jobs.recent(1))[0]).toMatchObject({ kind: 'lipsync', id: out.lipsync_id, tool: 'create_lipsync' });
  });

  it('dry_run returns the request with asset inputs and spends nothing', async () => {
    const out = await h.ok('create_lipsync', { video: 'v1', audio: 'a1', dry_run: true });
    expect(out.request).toEqual({ method: 'POST', path: '/v3/lipsyncs', body: { video: { type: 'asset_id', asset_id: 'v1' }, audio: { type: 'asset_id', asset_id: 'a1' } } });
    expect(writes()).toHaveLength(0);
  });

  it('does not resubmit an identical request within the window', async () => {
    const a = await h.ok('create_lipsync', { video: VIDEO, audio: `${AUDIO}?same` });
    const b = await h.ok('create_lipsync', { video: VIDEO, audio: `${AUDIO}?same` });
    expect(b).toMatchObject({ lipsync_id: a.lipsync_id, reused: true });
    expect(writes()).toHaveLength(1);
  });

  it.each([
    [{ video: VIDEO }, /audio/],
    [{ audio: AUDIO }, /video/],
    [{ video: VIDEO, audio: 'http://cdn.example.com/a.mp3' }, /audio/],
    [{ video: VIDEO, audio: `https://cdn.example.com/${'a'.repeat(2048)}` }, /^Invalid audio: must be an https URL of at most 2048 characters/],
    [{ video: VIDEO, audio: AUDIO, start_time: 5, end_time: 5 }, /end_time/],
    [{ video: VIDEO, audio: AUDIO, mode: 'fast' }, /mode/],
  ])('refuses %j with no request', async (args, field) => {
    expect(await h.fails('create_lipsync', args)).toMatch(field);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });

  it('says the job may exist when HeyGen fails mid-create, pointing at list_lipsyncs', async () => {
    h.sim.fault({ kind: 'status', status: 500, method: 'POST', path: '/v3/lipsyncs' });
    const text = await h.fails('create_lipsync', { video: VIDEO, audio: `${AUDIO}?500` });
    expect(text).toMatch(/may have been created.*list_lipsyncs/);
    expect(writes()).toHaveLength(1);
  });
});

describe('get_lipsync / list_lipsyncs / delete_lipsync', () => {
  it('get_lipsync follows pending → completed with a video URL', async () => {
    const { lipsync_id } = await h.ok('create_lipsync', { video: VIDEO, audio: `${AUDIO}?get` });
    h.sim.clearRequests();
    expect((await h.ok('get_lipsync', { lipsync_id })).status).toBe('pending');
    expect(h.sim.apiRequests()[0]).toMatchObject({ method: 'GET', path: `/v3/lipsyncs/${lipsync_id}` });
    h.sim.advance(2_500);
    const done = await h.ok('get_lipsync', { lipsync_id });
    expect(done.status).toBe('completed');
    expect(done.video_url).toMatch(/^http/);
  });

  it('get_lipsync reports a missing job as not found, naming list_lipsyncs', async () => {
    expect(await h.fails('get_lipsync', { lipsync_id: 'missing' })).toMatch(/Not found on HeyGen.*list_lipsyncs/);
  });

  it('list_lipsyncs pages compactly', async () => {
    const first = await h.ok('list_lipsyncs', { limit: 1 });
    expect(first.lipsyncs).toHaveLength(1);
    expect(first.lipsyncs[0]).not.toHaveProperty('video_url');
    expect(first.next_token).toBeTruthy();
    const second = await h.ok('list_lipsyncs', { limit: 1, next_token: first.next_token });
    expect(second.lipsyncs[0].lipsync_id).not.toBe(first.lipsyncs[0].lipsync_id);
    expect(h.sim.apiRequests().map((r) => r.query)).toEqual([{ limit: '1' }, { limit: '1', token: first.next_token }]);
    h.sim.clearRequests();
    expect(await h.fails('list_lipsyncs', { limit: 101 })).toMatch(/limit/);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });

  it('delete_lipsync sends DELETE; a second delete is not found', async () => {
    const { lipsync_id } = await h.ok('create_lipsync', { video: VIDEO, audio: `${AUDIO}?del` });
    h.sim.clearRequests();
    expect(await h.ok('delete_lipsync', { lipsync_id })).toEqual({ lipsync_id, deleted: true });
    expect(h.sim.apiRequests()[0]).toMatchObject({ method: 'DELETE', path: `/v3/lipsyncs/${lipsync_id}` });
    expect(await h.fails('delete_lipsync', { lipsync_id })).toMatch(/Not found/);
  });
});
