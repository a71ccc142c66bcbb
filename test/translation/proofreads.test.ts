import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connect, type Harness } from '../helpers/harness.js';

const VIDEO = 'https://cdn.example.com/talk.mp4';
const SRT = 'https://cdn.example.com/fixed.srt';
let h: Harness;
beforeAll(async () => { h = await connect(); });
afterAll(async () => { await h.close(); });
beforeEach(() => { h.sim.clearRequests(); });

const writes = () => h.sim.apiRequests().filter((r) => r.method !== 'GET');

async function readyProofread(lang = 'Japanese'): Promise<string> {
  const out = await h.ok('create_translation_proofread', { video: VIDEO, output_languages: [lang], title: `Review ${lang}`, allow_duplicate: true });
  h.sim.advance(2_500); // 120 simulated seconds at speed 60
  h.sim.clearRequests();
  return out.proofreads[0].proofread_id as string;
}

describe('create_translation_proofread', () => {
  it('sends POST /v3/video-translations/proofreads with the v3 fields; one proofread per language', async () => {
    const r = await h.call('create_translation_proofread', {
      video: VIDEO, output_languages: ['Spanish (Spain)', 'Korean'], title: 'Keynote', srt: SRT, enable_video_stretching: true,
    });
    expect(r.isError).toBeFalsy();
    const out = r.structuredContent as any;
    expect(out.status).toBe('processing');
    expect(out.proofreads.map((p: any) => p.output_language)).toEqual(['Spanish (Spain)', 'Korean']);
    const [req] = writes();
    expect(req).toMatchObject({ method: 'POST', path: '/v3/video-translations/proofreads' });
    expect(req?.body).toEqual({
      video: { type: 'url', url: VIDEO }, output_languages: ['Spanish (Spain)', 'Korean'], title: 'Keynote',
      srt: { type: 'url', url: SRT }, enable_video_stretching: true,
    });
    const links = r.content.filter((c) => c.type === 'resource_link').map((c) => (c as { uri: string }).uri);
    expect(links).toEqual(out.proofreads.map((p: any) => `heygen://proofreads/${p.proofread_id}`));
  });

  it('dry_run shows the request and sends nothing', async () => {
    const out = await h.ok('create_translation_proofread', { video: 'a1', output_languages: ['Hindi'], title: 'T', dry_run: true });
    expect(out.request).toEqual({ method: 'POST', path: '/v3/video-translations/proofreads', body: { video: { type: 'asset_id', asset_id: 'a1' }, output_languages: ['Hindi'], title: 'T' } });
    expect(writes()).toHaveLength(0);
  });

  it('requires a title (HeyGen does) and refuses with no request', async () => {
    expect(await h.fails('create_translation_proofread', { video: VIDEO, output_languages: ['Hindi'] })).toMatch(/title/);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });
});

describe('get_translation_proofread', () => {
  it('reads GET /v3/video-translations/proofreads/{id}: processing, then completed', async () => {
    const { proofreads } = await h.ok('create_translation_proofread', { video: VIDEO, output_languages: ['German (Germany)'], title: 'G' });
    const id = proofreads[0].proofread_id;
    h.sim.clearRequests();
    expect(await h.ok('get_translation_proofread', { proofread_id: id })).toMatchObject({ proofread_id: id, status: 'processing', output_language: 'German (Germany)' });
    expect(h.sim.apiRequests()[0]).toMatchObject({ method: 'GET', path: `/v3/video-translations/proofreads/${id}` });
    h.sim.advance(2_500);
    expect((await h.ok('get_translation_proofread', { proofread_id: id })).status).toBe('completed');
  });

  it('reports an unknown id clearly', async () => {
    expect(await h.fails('get_translation_proofread', { proofread_id: 'nope' })).toMatch(/Not found on HeyGen.*nope/);
  });
});

describe('get_proofread_subtitles', () => {
  it('returns both SRT links, and the edited SRT text on request', async () => {
    const id = await readyProofread();
    const links = await h.ok('get_proofread_subtitles', { proofread_id: id });
    expect(links.srt_url).toMatch(/^http/);
    expect(links.original_srt_url).toMatch(/^http/);
    expect(links.srt_text).toBeUndefined();
    expect(h.sim.apiRequests()[0]).toMatchObject({ method: 'GET', path: `/v3/video-translations/proofreads/${id}/srt` });
    const withText = await h.ok('get_proofread_subtitles', { proofread_id: id, include_text: true });
    expect(withText.srt_text).toMatch(/-->/);
    // the file link is fetched without the API key
    const file = h.sim.requests.find((r) => !r.path.startsWith('/v3/'));
    expect(file?.headers['x-api-key']).toBeUndefined();
  });

  it('explains that subtitles are not ready while the proofread is processing', async () => {
    const { proofreads } = await h.ok('create_translation_proofread', { video: VIDEO, output_languages: ['Thai'], title: 'Th' });
    expect(await h.fails('get_proofread_subtitles', { proofread_id: proofreads[0].proofread_id })).toMatch(/not ready/i);
  });
});

describe('update_proofread_subtitles', () => {
  it('sends PUT .../srt with the new SRT reference and is annotated destructive', async () => {
    const id = await readyProofread('Korean');
    const out = await h.ok('update_proofread_subtitles', { proofread_id: id, srt: SRT });
    expect(out).toMatchObject({ proofread_id: id, status: 'completed' });
    const [req] = writes();
    expect(req).toMatchObject({ method: 'PUT', path: `/v3/video-translations/proofreads/${id}/srt`, body: { srt: { type: 'url', url: SRT } } });
    const tool = (await h.client.listTools()).tools.find((t) => t.name === 'update_proofread_subtitles');
    expect(tool?.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true });
    expect(tool?.description).toMatch(/[Oo]verwrites/);
  });

  it('needs an SRT as an https URL or asset id and sends nothing otherwise', async () => {
    expect(await h.fails('update_proofread_subtitles', { proofread_id: 'p1' })).toMatch(/srt/);
    expect(await h.fails('update_proofread_subtitles', { proofread_id: 'p1', srt: 'file:///etc/passwd' })).toMatch(/^Invalid srt: must be an https URL or an asset id from upload_asset/);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });
});

describe('generate_from_proofread', () => {
  it('sends POST .../generate and returns the new translation id, linked and recorded', async () => {
    const id = await readyProofread('French (France)');
    const r = await h.call('generate_from_proofread', { proofread_id: id, captions: true });
    expect(r.isError).toBeFalsy();
    const out = r.structuredContent as any;
    expect(out.status).toBe('processing');
    expect(writes()[0]).toMatchObject({ method: 'POST', path: `/v3/video-translations/proofreads/${id}/generate`, body: { captions: true } });
    expect(r.content.some((c) => c.type === 'resource_link' && c.uri === `heygen://video-translations/${out.video_translation_id}`)).toBe(true);
    expect((await h.deps.state.jobs.recent(1))[0]).toMatchObject({ kind: 'video_translation', id: out.video_translation_id });
  });

  it('dry_run sends nothing; an unknown proofread is reported as not found', async () => {
    const dry = await h.ok('generate_from_proofread', { proofread_id: 'p_x', dry_run: true });
    expect(dry.request).toEqual({ method: 'POST', path: '/v3/video-translations/proofreads/p_x/generate', body: {} });
    expect(writes()).toHaveLength(0);
    expect(await h.fails('generate_from_proofread', { proofread_id: 'p_unknown' })).toMatch(/Not found on HeyGen/);
  });
});
