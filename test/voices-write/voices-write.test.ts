import { readdir, readFile, rm } from 'node:fs/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connect, type Harness } from '../helpers/harness.js';
import { JPEG, MP3, WAV, tempDir } from '../assets/fixtures.js';

let h: Harness;
let downloads: string;
let starfish: string;
beforeAll(async () => {
  downloads = await tempDir('heygen-dl-');
  h = await connect({ env: { HEYGEN_MCP_DOWNLOAD_DIR: downloads } });
  starfish = (await h.deps.heygen.voices.list({ engine: 'starfish', limit: 1 })).items[0]!.voice_id;
});
afterAll(async () => {
  await h.close();
  await rm(downloads, { recursive: true, force: true });
});
beforeEach(() => { h.sim.clearRequests(); h.sim.clearFaults(); });

const post = () => h.sim.apiRequests().filter((r) => r.method === 'POST')[0]!;

describe('design_voice', () => {
  it('POSTs /v3/voices with the description and returns up to 3 voices', async () => {
    const out = await h.ok('design_voice', { prompt: 'warm, confident female narrator', locale: 'en-US', seed: 1 });
    expect(`${post().method} ${post().path}`).toBe('POST /v3/voices');
    expect(post().body).toEqual({ prompt: 'warm, confident female narrator', locale: 'en-US', seed: 1 });
    expect(out.voices.length).toBeGreaterThan(0);
    expect(out.voices.length).toBeLessThanOrEqual(3);
    expect(out.voices[0].voice_id).toBeTruthy();
  });

  it('is a read tool, and refuses a bad locale with no request', async () => {
    const { tools } = await h.client.listTools();
    expect(tools.find((t) => t.name === 'design_voice')?.annotations?.readOnlyHint).toBe(true);
    expect(await h.fails('design_voice', { prompt: 'x', locale: 'en_US!' })).toMatch(/locale/);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });
});

describe('clone_voice', () => {
  it('POSTs /v3/voices/clone with audio as one data: URI, typed from its bytes, and explains the "complete" status', async () => {
    const wav = WAV(300);
    const out = await h.ok('clone_voice', { voice_name: 'My voice', audio: `data:audio/wav;base64,${wav.toString('base64')}`, language: 'en', remove_background_noise: false });
    expect(post().path).toBe('/v3/voices/clone');
    expect(post().body).toEqual({ voice_name: 'My voice', audio: { type: 'base64', media_type: 'audio/wav', data: wav.toString('base64') }, language: 'en', remove_background_noise: false });
    expect(out.voice_id).toBeTruthy();
    expect(out.next_step).toMatch(/"complete" \(not "completed"\)/);
    expect(out.next_step).toContain('voice_clone');
  });

  it('audio is one string: an uploaded asset id goes as {type: asset_id}, an https URL as {type: url}', async () => {
    const { asset_id } = await h.ok('upload_asset', { base64: MP3().toString('base64'), filename: 's.mp3' });
    h.sim.clearRequests();
    await h.ok('clone_voice', { voice_name: 'From asset', audio: asset_id });
    expect(post().body).toEqual({ voice_name: 'From asset', audio: { type: 'asset_id', asset_id } });
    h.sim.clearRequests();
    await h.ok('clone_voice', { voice_name: 'From url', audio: 'https://example.com/sample.mp3' });
    expect(post().body).toEqual({ voice_name: 'From url', audio: { type: 'url', url: 'https://example.com/sample.mp3' } });
  });

  it('tools/list shows one audio field, described with the kinds it takes inline', async () => {
    const tool = (await h.client.listTools()).tools.find((t) => t.name === 'clone_voice')!;
    expect(Object.keys(tool.inputSchema.properties ?? {}).filter((k) => k.startsWith('audio'))).toEqual(['audio']);
    expect(tool.inputSchema.required).toContain('audio');
    expect(tool.inputSchema.properties?.audio).toMatchObject({ type: 'string', description: 'https URL, asset id or data: URI (MP3 or WAV)' });
  });

  it('refuses an image as the sample, and no sample at all, naming audio and what it takes, with no request', async () => {
    expect(await h.fails('clone_voice', { voice_name: 'x', audio: `data:audio/mpeg;base64,${JPEG().toString('base64')}` })).toMatch(/^Invalid audio: content must be MP3 or WAV \(read from the bytes, which are JPEG\)/);
    expect(await h.fails('clone_voice', { voice_name: 'x' })).toMatch(/^Invalid audio: required: an https URL, an asset id from upload_asset, or a data:<type>;base64,<data> URI of MP3 or WAV/);
    expect(await h.fails('clone_voice', { voice_name: 'x', audio: 'not an id!' })).toMatch(/^Invalid audio: must be an https URL, an asset id/);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });

  it('the former audio_base64 / audio_asset_id / audio_url fields still work, folded into audio', async () => {
    const mp3 = MP3(64);
    await h.ok('clone_voice', { voice_name: 'Old b64', audio_base64: mp3.toString('base64') });
    expect((post().body as { audio: unknown }).audio).toEqual({ type: 'base64', media_type: 'audio/mpeg', data: mp3.toString('base64') });
    h.sim.clearRequests();
    const dry = await h.ok('clone_voice', { voice_name: 'Old id', audio_asset_id: 'asset_voice_1', dry_run: true });
    expect(dry.request.body.audio).toEqual({ type: 'asset_id', asset_id: 'asset_voice_1' });
    expect(await h.fails('clone_voice', { voice_name: 'x', audio_base64: JPEG().toString('base64') })).toMatch(/^Invalid audio_base64: content must be MP3 or WAV/);
    expect(await h.fails('clone_voice', { voice_name: 'x', audio: 'a1', audio_url: 'https://e.com/a.mp3' })).toMatch(/^Invalid audio: given twice, as audio and audio_url/);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });
});

describe('delete_voice', () => {
  it('DELETEs /v3/voices/{id}; a second delete (404 voice_not_found) still counts as done', async () => {
    const { voice_id } = await h.ok('clone_voice', { voice_name: 'Temp', audio: 'https://example.com/s.mp3' });
    h.sim.clearRequests();
    expect(await h.ok('delete_voice', { voice_id })).toEqual({ voice_id, deleted: true });
    expect(await h.ok('delete_voice', { voice_id })).toEqual({ voice_id, deleted: true, already_deleted: true });
    expect(h.sim.apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual([`DELETE /v3/voices/${voice_id}`, `DELETE /v3/voices/${voice_id}`]);
  });

  it('list_voices after a clone or a delete is read fresh, not served from the catalog cache', async () => {
    const mine = async () => ((await h.ok('list_voices', { type: 'private', limit: 100 })).voices as Array<{ voice_id: string }>).map((v) => v.voice_id);
    await mine();
    const { voice_id } = await h.ok('clone_voice', { voice_name: 'Cached', audio: 'https://example.com/c.mp3' });
    h.sim.advance(5_000); // HeyGen lists a clone once it is complete
    expect(await mine()).toContain(voice_id);
    h.sim.clearRequests();
    await mine();
    expect(h.sim.apiRequests()).toHaveLength(0);
    await h.ok('delete_voice', { voice_id });
    expect(await mine()).not.toContain(voice_id);
  });

  it('a public voice cannot be deleted: the refusal is reported', async () => {
    expect(await h.fails('delete_voice', { voice_id: starfish })).toMatch(/refused|forbidden/i);
  });
});

describe('create_speech', () => {
  it('POSTs /v3/voices/speech and returns the audio URL and duration', async () => {
    const out = await h.ok('create_speech', { text: 'Hello from the simulator', voice_id: starfish, speed: 1.5, locale: 'en-US' });
    expect(post().path).toBe('/v3/voices/speech');
    expect(post().body).toEqual({ text: 'Hello from the simulator', voice_id: starfish, speed: 1.5, locale: 'en-US' });
    expect(out.audio_url).toMatch(/^http/);
    expect(out.duration_seconds).toBeGreaterThan(0);
  });

  it('detects SSML and says so in input_type', async () => {
    await h.ok('create_speech', { text: '<speak>Hi <break time="1s"/> there</speak>', voice_id: starfish });
    expect(post().body).toMatchObject({ input_type: 'ssml' });
  });

  it('refuses speed out of 0.5–2.0, a language that contradicts the locale, blank text, and save over HTTP — with no request', async () => {
    for (const speed of [0.4, 2.1, -5]) expect(await h.fails('create_speech', { text: 'x', voice_id: starfish, speed })).toMatch(/speed/);
    expect(await h.fails('create_speech', { text: 'x', voice_id: starfish, locale: 'en-US', language: 'de' })).toMatch(/Invalid language: 'de' does not match locale 'en-US'/);
    expect(await h.fails('create_speech', { text: '   ', voice_id: starfish })).toMatch(/text/);
    const web = await connect({ simulator: h.sim, transport: 'http' });
    try {
      expect(await web.fails('create_speech', { text: 'x', voice_id: starfish, save: true })).toMatch(/Invalid save: .*stdio/);
    } finally {
      await web.close();
    }
    expect(h.sim.apiRequests()).toHaveLength(0);
  });

  it('a filename with folders or ".." is refused before anything is spent (0 upstream requests)', async () => {
    h.sim.clearRequests();
    expect(await h.fails('create_speech', { text: 'Save me please', voice_id: starfish, save: true, filename: '../../etc/evil name.mp3' })).toMatch(/filename/);
    expect(h.sim.requests).toHaveLength(0);
  });

  it('save: true streams the audio into the download dir, without the API key, never overwriting', async () => {
    const a = await h.ok('create_speech', { text: 'Save me please', voice_id: starfish, save: true, filename: 'evil name.mp3' });
    const b = await h.ok('create_speech', { text: 'Save me again', voice_id: starfish, save: true, filename: 'evil name.mp3' });
    expect(a.saved_path).toBe(`${downloads}/evil name.mp3`);
    expect(b.saved_path).toBe(`${downloads}/evil name-1.mp3`);
    expect((await readFile(a.saved_path)).subarray(0, 3).toString('latin1')).toMatch(/ID3|\xff/);
    expect((await readdir(downloads)).filter((f) => f.endsWith('.part'))).toEqual([]);
    const fileReqs = h.sim.requests.filter((r) => r.path.startsWith('/files/'));
    expect(fileReqs).toHaveLength(2);
    for (const r of fileReqs) expect(r.headers['x-api-key']).toBeUndefined();
  });

  it('an expired audio link does not fail the paid call: the URL comes back with a note', async () => {
    h.sim.fault({ path: '/files/*', kind: 'expired_url' });
    const r = await h.call('create_speech', { text: 'Expired link test', voice_id: starfish, save: true });
    expect(r.isError).toBeFalsy();
    expect((r.structuredContent as any).saved_path).toBeUndefined();
    expect(JSON.stringify(r.content)).toMatch(/not saved/);
  });

  it('a voice without starfish support is reported by HeyGen with the field', async () => {
    const other = (await h.deps.heygen.voices.list({ engine: 'elevenlabs', limit: 100 })).items.map((v) => v.voice_id);
    const starfishIds = new Set((await h.deps.heygen.voices.list({ engine: 'starfish', limit: 100 })).items.map((v) => v.voice_id));
    const only = other.find((id) => !starfishIds.has(id));
    if (!only) return;
    expect(await h.fails('create_speech', { text: 'x', voice_id: only })).toMatch(/voice_id/);
  });
});
