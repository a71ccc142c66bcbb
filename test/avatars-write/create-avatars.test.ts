import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connect, type Harness } from '../helpers/harness.js';
import { JPEG, MP3 } from '../assets/fixtures.js';

let h: Harness;
beforeAll(async () => { h = await connect(); });
afterAll(async () => { await h.close(); });
beforeEach(() => { h.sim.clearRequests(); });

const body = () => h.sim.apiRequests().filter((r) => r.method === 'POST')[0]?.body as Record<string, any>;

describe('create_photo_avatar', () => {
  it('POSTs /v3/avatars type photo with the asset id given as image, and says how to follow training', async () => {
    const { asset_id } = await h.ok('upload_asset', { base64: JPEG().toString('base64'), filename: 'me.jpg' });
    h.sim.clearRequests();
    const out = await h.ok('create_photo_avatar', { name: 'Me', image: asset_id });
    expect(h.sim.apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v3/avatars']);
    expect(body()).toEqual({ type: 'photo', name: 'Me', file: { type: 'asset_id', asset_id } });
    expect(out).toMatchObject({ status: 'processing' });
    expect(out.group_id).toBeTruthy();
    expect(out.look_id).toBeTruthy();
    expect(out.next_step).toContain('wait_for_job');
    expect(out.next_step).toContain(out.group_id);
  });

  it('image is one string: an https URL goes through as {type:url}, a data: URI as base64 typed from its bytes (not its label)', async () => {
    await h.ok('create_photo_avatar', { name: 'Url', image: 'https://example.com/face.jpg' });
    expect(body().file).toEqual({ type: 'url', url: 'https://example.com/face.jpg' });
    h.sim.clearRequests();
    const jpeg = JPEG(64);
    await h.ok('create_photo_avatar', { name: 'B64', image: `data:image/png;base64,${jpeg.toString('base64')}` });
    expect(body().file).toEqual({ type: 'base64', media_type: 'image/jpeg', data: jpeg.toString('base64') });
  });

  it('lists image as the one media field: no image_url, image_asset_id, image_base64 or file in tools/list', async () => {
    const tool = (await h.client.listTools()).tools.find((t) => t.name === 'create_photo_avatar')!;
    expect(Object.keys(tool.inputSchema.properties ?? {})).toEqual(['name', 'image', 'avatar_group_id', 'dry_run', 'allow_duplicate']);
    expect(tool.inputSchema.required).toEqual(['name', 'image']);
    expect(tool.inputSchema.properties?.image).toMatchObject({ type: 'string', description: expect.stringMatching(/data: URI \(PNG or JPEG\)/) });
  });

  it('refuses no image, http URLs, non-image bytes, a non-base64 data: URI and a non-string, naming image and what it takes, with no request', async () => {
    expect(await h.fails('create_photo_avatar', { name: 'x' })).toMatch(/^Invalid image: required: an https URL, an asset id from upload_asset, or a data:<type>;base64,<data> URI of PNG or JPEG/);
    expect(await h.fails('create_photo_avatar', { name: 'x', image: 'http://e.com/a.jpg' })).toMatch(/^Invalid image: must be https, not http/);
    expect(await h.fails('create_photo_avatar', { name: 'x', image: `data:image/jpeg;base64,${MP3().toString('base64')}` })).toMatch(/^Invalid image: content must be PNG or JPEG \(read from the bytes, which are MP3\)/);
    expect(await h.fails('create_photo_avatar', { name: 'x', image: 'data:image/png,hello' })).toMatch(/^Invalid image: a data: URI must be base64/);
    expect(await h.fails('create_photo_avatar', { name: 'x', image: 42 })).toMatch(/^Invalid image: must be one string/);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });

  it('inline bytes are capped at 10 MB decoded, checked before anything is sent', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1);
    JPEG().copy(big);
    expect(await h.fails('create_photo_avatar', { name: 'x', image: `data:image/jpeg;base64,${big.toString('base64')}` })).toMatch(/^Invalid image: decodes to .*over the 10\.0 MB limit/);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });

  it('the former fields image_url / image_asset_id / image_base64 still work, folded into image; errors name the field the caller sent', async () => {
    await h.ok('create_photo_avatar', { name: 'Old url', image_url: 'https://example.com/old.jpg' });
    expect(body().file).toEqual({ type: 'url', url: 'https://example.com/old.jpg' });
    h.sim.clearRequests();
    const dry = await h.ok('create_photo_avatar', { name: 'Old id', image_asset_id: 'asset_old_1', dry_run: true });
    expect(dry.request.body.file).toEqual({ type: 'asset_id', asset_id: 'asset_old_1' });
    const jpeg = JPEG(32);
    await h.ok('create_photo_avatar', { name: 'Old b64', image_base64: jpeg.toString('base64') });
    expect(body().file).toEqual({ type: 'base64', media_type: 'image/jpeg', data: jpeg.toString('base64') });
    h.sim.clearRequests();
    expect(await h.fails('create_photo_avatar', { name: 'x', image_asset_id: 'a1', image_url: 'https://e.com/a.jpg' })).toMatch(/^Invalid image: given twice, as image_asset_id and image_url; pass it once, as image/);
    expect(await h.fails('create_photo_avatar', { name: 'x', image: 'a1', image_base64: jpeg.toString('base64') })).toMatch(/^Invalid image: given twice, as image and image_base64/);
    expect(await h.fails('create_photo_avatar', { name: 'x', image_url: 'http://e.com/a.jpg' })).toMatch(/^Invalid image_url: must be https/);
    expect(await h.fails('create_photo_avatar', { name: 'x', image_base64: MP3().toString('base64') })).toMatch(/^Invalid image_base64: content must be PNG or JPEG/);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });

  it('dry_run returns the exact request and spends nothing', async () => {
    const out = await h.ok('create_photo_avatar', { name: 'Dry', image: 'https://example.com/a.jpg', dry_run: true });
    expect(out).toEqual({ dry_run: true, request: { method: 'POST', path: '/v3/avatars', body: { type: 'photo', name: 'Dry', file: { type: 'url', url: 'https://example.com/a.jpg' } } } });
    expect(h.sim.apiRequests()).toHaveLength(0);
  });

  it('reports a 5xx as possibly created and points at list_avatar_groups, without resubmitting', async () => {
    h.sim.fault({ method: 'POST', path: '/v3/avatars', kind: 'status', status: 502, times: 3 });
    const text = await h.fails('create_photo_avatar', { name: 'Flaky', image: 'https://example.com/b.jpg' });
    expect(text).toMatch(/may have been created.*list_avatar_groups/);
    expect(h.sim.apiRequests()).toHaveLength(1);
    h.sim.clearFaults();
  });
});

describe('create_prompt_avatar', () => {
  it('sends a free prompt as is, with reference images', async () => {
    await h.ok('create_prompt_avatar', { name: 'P', prompt: 'A friendly barista in a sunny cafe', reference_images: ['https://example.com/r.jpg'] });
    expect(body()).toEqual({ type: 'prompt', name: 'P', prompt: 'A friendly barista in a sunny cafe', reference_images: [{ type: 'url', url: 'https://example.com/r.jpg' }] });
    const dry = await h.ok('create_prompt_avatar', { name: 'Q', prompt: 'x', reference_images: ['https://example.com/r.jpg', 'asset_1'], dry_run: true });
    expect(dry.request.body.reference_images).toEqual([{ type: 'url', url: 'https://example.com/r.jpg' }, { type: 'asset_id', asset_id: 'asset_1' }]);
  });

  it('composes the structured fields into the prompt', async () => {
    await h.ok('create_prompt_avatar', {
      name: 'S', age: 'Early Middle Age', gender: 'Woman', ethnicity: 'South Asian', orientation: 'vertical', pose: 'half_body', style: 'Realistic',
      appearance: 'navy blazer, warm smile, soft studio light',
    });
    const b = body();
    expect(b.type).toBe('prompt');
    expect(b.prompt).toBe('Realistic style half-body portrait of a early middle age South Asian woman, portrait 9:16 framing. navy blazer, warm smile, soft studio light');
    expect(Object.keys(b).sort()).toEqual(['name', 'prompt', 'type']);
  });

  it('names every missing structured field, and refuses a mix of prompt and fields, with no request', async () => {
    const text = await h.fails('create_prompt_avatar', { name: 'S', age: 'Senior', gender: 'Man' });
    expect(text).toMatch(/Invalid ethnicity: .*missing: ethnicity, orientation, pose, style, appearance/);
    expect(await h.fails('create_prompt_avatar', { name: 'S', prompt: 'x', style: 'Noir' })).toMatch(/Invalid style: give either prompt/);
    expect(await h.fails('create_prompt_avatar', { name: 'S', style: 'Cubist' })).toMatch(/style/);
    expect(await h.fails('create_prompt_avatar', { name: 'S', prompt: 'x', reference_images: ['a', 'b', 'https://e.com/1.png', 'https://e.com/2.png'] })).toMatch(/reference_images/);
    expect(await h.fails('create_prompt_avatar', { name: 'S', prompt: 'x', reference_images: ['http://e.com/1.png'] })).toMatch(/reference_images/);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });
});

describe('create_digital_twin and consent', () => {
  it('creates a twin from footage, surfaces pending_consent, then start_avatar_consent returns the consent URL', async () => {
    const out = await h.ok('create_digital_twin', { name: 'Twin', footage: 'https://example.com/train.mp4' });
    expect(body()).toEqual({ type: 'digital_twin', name: 'Twin', file: { type: 'url', url: 'https://example.com/train.mp4' } });
    expect(out.status).toBe('pending_consent');
    expect(out.next_step).toMatch(/start_avatar_consent.*consent_url/);
    h.sim.clearRequests();
    const c = await h.ok('start_avatar_consent', { group_id: out.group_id, reroute_url: 'https://example.com/thanks' });
    expect(h.sim.apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual([`POST /v3/avatars/${out.group_id}/consent`]);
    expect(body()).toEqual({ reroute_url: 'https://example.com/thanks' });
    expect(c.consent_url).toMatch(/consent/);
    expect(c.next_step).toContain(c.consent_url);
  });

  it('footage and consent_video are one string each (URL or asset id, no inline bytes); the former fields fold into them', async () => {
    const dry = await h.ok('create_digital_twin', { name: 'Twin id', footage: 'asset_footage_1', dry_run: true });
    expect(dry.request.body).toEqual({ type: 'digital_twin', name: 'Twin id', file: { type: 'asset_id', asset_id: 'asset_footage_1' } });
    const old = await h.ok('create_digital_twin', { name: 'Twin old', footage_asset_id: 'asset_footage_2', dry_run: true });
    expect(old.request.body.file).toEqual({ type: 'asset_id', asset_id: 'asset_footage_2' });
    const twin = await h.ok('create_digital_twin', { name: 'Twin consent', footage: 'https://example.com/twin.mp4' });
    h.sim.clearRequests();
    await h.ok('start_avatar_consent', { group_id: twin.group_id, consent_video: 'https://example.com/consent.mp4' });
    expect(body()).toEqual({ consent_video: { type: 'url', url: 'https://example.com/consent.mp4' } });
    h.sim.clearRequests();
    await h.ok('start_avatar_consent', { group_id: twin.group_id, consent_video_url: 'https://example.com/consent.mp4' });
    expect(body()).toEqual({ consent_video: { type: 'url', url: 'https://example.com/consent.mp4' } });
  });

  it('refuses footage from two sources, none or inline, and consent video mixed with text', async () => {
    expect(await h.fails('create_digital_twin', { name: 'T' })).toMatch(/^Invalid footage: required: an https URL or an asset id from upload_asset/);
    expect(await h.fails('create_digital_twin', { name: 'T', footage: 'https://e.com/a.mp4', footage_url: 'https://e.com/b.mp4' })).toMatch(/^Invalid footage: given twice/);
    expect(await h.fails('create_digital_twin', { name: 'T', footage: 'data:video/mp4;base64,AAAA' })).toMatch(/^Invalid footage: takes no inline data here/);
    expect(await h.fails('start_avatar_consent', { group_id: 'g1', consent_video: 'https://e.com/c.mp4', consent_text: 'I agree' })).toMatch(/Invalid consent_text: cannot be combined/);
    expect(await h.fails('start_avatar_consent', { group_id: 'g1', consent_text: 'a <b>' })).toMatch(/consent_text/);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });

  it('consent on an unknown group is a clear not-found', async () => {
    expect(await h.fails('start_avatar_consent', { group_id: 'nope' })).toMatch(/Not found.*list_avatar_groups/);
  });
});
