import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connect, type Harness } from '../helpers/harness.js';
import { MP4, PNG } from '../assets/fixtures.js';

const VIDEO = 'https://cdn.example.com/talk.mp4';
let h: Harness;
beforeAll(async () => { h = await connect(); });
afterAll(async () => { await h.close(); });
beforeEach(() => { h.sim.clearRequests(); });

const writes = () => h.sim.apiRequests().filter((r) => r.method !== 'GET');
const reads = () => h.sim.apiRequests().filter((r) => r.method === 'GET');

describe('background removal', () => {
  it('create sends POST /v3/background-removals with the video and the chosen layers, records the job', async () => {
    const out = await h.ok('create_background_removal', { video: VIDEO, layers: ['foreground', 'mask'], title: 'Cut out' });
    expect(out).toMatchObject({ job_id: expect.any(String), status: 'pending' });
    expect(writes()).toHaveLength(1);
    expect(writes()[0]).toMatchObject({ method: 'POST', path: '/v3/background-removals', body: { video: { type: 'url', url: VIDEO }, layers: ['foreground', 'mask'], title: 'Cut out' } });
    expect((await h.deps.state.jobs.recent(1))[0]).toMatchObject({ kind: 'background_removal', id: out.job_id });
  });

  it('takes an asset id or a data: URI of video bytes as the video (base64 is allowed here); other bytes are refused', async () => {
    const mp4 = MP4(64);
    const inline = await h.ok('create_background_removal', { video: `data:video/mp4;base64,${mp4.toString('base64')}`, dry_run: true });
    expect(inline.request.body.video).toEqual({ type: 'base64', media_type: 'video/mp4', data: mp4.toString('base64') });
    expect(await h.fails('create_background_removal', { video: `data:video/mp4;base64,${PNG().toString('base64')}` })).toMatch(/^Invalid video: content must be MP4 or WebM \(read from the bytes, which are PNG\)/);
    const dry = await h.ok('create_background_removal', { video: 'asset_123', dry_run: true });
    expect(dry.request).toEqual({ method: 'POST', path: '/v3/background-removals', body: { video: { type: 'asset_id', asset_id: 'asset_123' } } });
    expect(writes()).toHaveLength(0);
  });

  it('wait_for_job follows it to completed; get returns one URL per layer; list and delete hit their paths', async () => {
    const { job_id } = await h.ok('create_background_removal', { video: `${VIDEO}?layers`, allow_duplicate: true });
    h.sim.advance(2_000);
    expect(await h.ok('wait_for_job', { kind: 'background_removal', id: job_id, timeout_seconds: 5 })).toMatchObject({ done: true, status: 'completed', video_url: expect.stringMatching(/^http/) });
    h.sim.clearRequests();
    const got = await h.ok('get_background_removal', { job_id });
    expect(got).toMatchObject({ job_id, status: 'completed', foreground_url: expect.any(String), mask_url: expect.any(String), background_url: expect.any(String) });
    const list = await h.ok('list_background_removals', { limit: 5 });
    expect(list.jobs.map((j: { job_id: string }) => j.job_id)).toContain(job_id);
    expect(await h.ok('delete_background_removal', { job_id })).toEqual({ job_id, deleted: true });
    expect(h.sim.apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /v3/background-removals/${job_id}`, 'GET /v3/background-removals', `DELETE /v3/background-removals/${job_id}`,
    ]);
    expect(h.sim.apiRequests()[1]?.query).toEqual({ limit: '5' });
    expect(await h.fails('get_background_removal', { job_id })).toMatch(/Not found.*list_background_removals/);
  });

  it('a failed job: wait_for_job says done:true, status failed, with the reason', async () => {
    const { job_id } = await h.ok('create_background_removal', { video: `${VIDEO}?fail`, allow_duplicate: true });
    h.sim.setOutcome(job_id, 'failed');
    h.sim.advance(2_000);
    expect(await h.ok('wait_for_job', { kind: 'background_removal', id: job_id, timeout_seconds: 5 })).toMatchObject({ done: true, status: 'failed', failed: true, failure_message: expect.stringMatching(/subject/) });
  });

  it.each([
    [{}, /video/],
    [{ video: 'http://cdn.example.com/a.mp4' }, /video/],
    [{ video: VIDEO, layers: ['alpha'] }, /layers/],
    [{ video: VIDEO, layers: [] }, /layers/],
  ])('refuses %j with no request', async (args, field) => {
    expect(await h.fails('create_background_removal', args)).toMatch(field);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });

  it('says the job may exist when HeyGen fails mid-create', async () => {
    h.sim.fault({ kind: 'status', status: 502, method: 'POST', path: '/v3/background-removals' });
    expect(await h.fails('create_background_removal', { video: `${VIDEO}?502` })).toMatch(/may have been created.*list_background_removals/);
    expect(writes()).toHaveLength(1);
  });
});

describe('AI clipping', () => {
  it('create sends POST /v3/ai-clipping with output_settings built from the flat arguments', async () => {
    const out = await h.ok('create_ai_clipping', { video: { type: 'url', url: VIDEO }, durations: ['30', '60'], aspect_ratio: 'square', captions: false, prompt: 'the product demo', title: 'Clips' });
    expect(out).toMatchObject({ job_id: expect.any(String), status: 'pending' });
    expect(writes()[0]).toMatchObject({
      method: 'POST', path: '/v3/ai-clipping',
      body: { video: { type: 'url', url: VIDEO }, output_settings: { duration_types: ['30', '60'], aspect_ratio: 'square', captions: false, prompt: 'the product demo' }, title: 'Clips' },
    });
  });

  it('wait_for_job, get, list and delete: clips with URLs and scores once completed', async () => {
    const { job_id } = await h.ok('create_ai_clipping', { video: `${VIDEO}?clip`, durations: ['60', 'long'], allow_duplicate: true });
    h.sim.advance(4_000);
    expect(await h.ok('wait_for_job', { kind: 'ai_clipping', id: job_id, timeout_seconds: 5 })).toMatchObject({ done: true, status: 'completed', progress: 100 });
    h.sim.clearRequests();
    const got = await h.ok('get_ai_clipping', { job_id });
    expect(got.clips).toHaveLength(2);
    expect(got.clips[0]).toMatchObject({ status: 'completed', video_url: expect.any(String), virality_score: expect.any(Number) });
    const list = await h.ok('list_ai_clippings', {});
    expect(list.jobs.find((j: { job_id: string }) => j.job_id === job_id)).toMatchObject({ clips: 2 });
    await h.ok('delete_ai_clipping', { job_id });
    expect(h.sim.apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual([`GET /v3/ai-clipping/${job_id}`, 'GET /v3/ai-clipping', `DELETE /v3/ai-clipping/${job_id}`]);
  });

  it.each([
    [{ video: VIDEO }, /durations/],
    [{ video: VIDEO, durations: ['45'] }, /durations/],
    [{ video: { type: 'url', url: 'ftp://x' }, durations: ['30'] }, /video\.url/],
    [{ video: { type: 'asset_id' }, durations: ['30'] }, /video\.asset_id/],
    [{ video: VIDEO, durations: ['30'], aspect_ratio: '16:9' }, /aspect_ratio/],
  ])('refuses %j with no request', async (args, field) => {
    expect(await h.fails('create_ai_clipping', args)).toMatch(field);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });

  it('a missing job is not found, naming list_ai_clippings', async () => {
    expect(await h.fails('get_ai_clipping', { job_id: 'nope' })).toMatch(/Not found.*list_ai_clippings/);
  });
});

describe('brand kits, glossaries, sounds', () => {
  it('list_brand_kits and list_brand_glossaries read their endpoints, paged', async () => {
    const kits = await h.ok('list_brand_kits', { limit: 1 });
    expect(kits.brand_kits[0]).toMatchObject({ brand_kit_id: expect.any(String), name: expect.any(String), colors: expect.any(Array) });
    expect(kits.next_token).toBeTruthy();
    const gl = await h.ok('list_brand_glossaries', {});
    expect(gl.glossaries[0]).toMatchObject({ brand_glossary_id: expect.any(String), name: expect.any(String) });
    expect(reads().map((r) => [r.path, r.query])).toEqual([['/v3/brand-kits', { limit: '1' }], ['/v3/brand-glossaries', { limit: '25' }]]);
  });

  it('search_sounds sends query, type and min_score; best match first', async () => {
    const out = await h.ok('search_sounds', { query: 'whoosh scene change', type: 'sound_effects', min_score: 0.5, limit: 3 });
    expect(out.sounds[0]).toMatchObject({ name: 'Whoosh', type: 'sound_effects', audio_url: expect.any(String) });
    expect(reads()[0]).toMatchObject({ path: '/v3/audio/sounds', query: { query: 'whoosh scene change', type: 'sound_effects', min_score: '0.5', limit: '3' } });
  });

  it.each([
    [{}, /query/],
    [{ query: 'x', type: 'speech' }, /type/],
    [{ query: 'x', min_score: 2 }, /min_score/],
    [{ query: 'x', limit: 101 }, /limit/],
  ])('search_sounds refuses %j with no request', async (args, field) => {
    expect(await h.fails('search_sounds', args)).toMatch(field);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });

  it('a brand kit listing failure is reported, not thrown', async () => {
    h.sim.fault({ kind: 'status', status: 403, path: '/v3/brand-kits' });
    expect(await h.fails('list_brand_kits', {})).toMatch(/refused|403/);
  });
});
