import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobKind } from '../../src/jobs/kinds.js';
import { connect, type Harness } from '../helpers/harness.js';

const VIDEO = 'https://cdn.example.com/talk.mp4';
const AUDIO = 'https://cdn.example.com/voice.mp3';
let h: Harness;
beforeAll(async () => { h = await connect(); });
afterAll(async () => { await h.close(); });

const status = (kind: string, id: string) => jobKind(kind)!.fetch(h.deps.heygen, id, {});

async function newTranslation(): Promise<string> {
  const { translations } = await h.ok('create_video_translation', { video: VIDEO, output_languages: ['Japanese'], allow_duplicate: true });
  return translations[0].video_translation_id;
}
async function newProofread(): Promise<string> {
  const { proofreads } = await h.ok('create_translation_proofread', { video: VIDEO, output_languages: ['Korean'], title: 'k', allow_duplicate: true });
  return proofreads[0].proofread_id;
}
async function newLipsync(): Promise<string> {
  return (await h.ok('create_lipsync', { video: VIDEO, audio: AUDIO, allow_duplicate: true })).lipsync_id;
}
async function newAvatar(type: 'photo' | 'digital_twin'): Promise<string> {
  const r = await h.deps.heygen.avatars.create({ type, name: `kind test ${type}`, file: { type: 'url', url: type === 'photo' ? 'https://cdn.example.com/me.jpg' : VIDEO } });
  return r.avatar_group!.id;
}
async function newVoiceClone(): Promise<string> {
  return (await h.deps.heygen.voices.clone({ voice_name: 'kind test', audio: { type: 'url', url: AUDIO } })).voice_clone_id;
}

describe('job kinds of the table', () => {
  it('video_translation: pending → running → completed with the video URL', async () => {
    const id = await newTranslation();
    expect(await status('video_translation', id)).toMatchObject({ status: 'pending', done: false, failed: false });
    h.sim.advance(1_000);
    expect((await status('video_translation', id)).status).toBe('running');
    h.sim.advance(4_000);
    const done = await status('video_translation', id);
    expect(done).toMatchObject({ status: 'completed', done: true, progress: 100 });
    expect(done.result.video_url).toMatch(/^http/);
    expect(jobKind('video_translation')!.resourceUri(id)).toBe(`heygen://video-translations/${id}`);
  });

  it('video_translation: a failed job carries HeyGen\'s reason', async () => {
    const id = await newTranslation();
    h.sim.setOutcome(id, 'failed');
    h.sim.advance(5_000);
    expect(await status('video_translation', id)).toMatchObject({ done: false, failed: true, failure_message: expect.stringMatching(/\w/) });
  });

  it('proofread: processing → completed, pointing at the review step', async () => {
    const id = await newProofread();
    expect(await status('proofread', id)).toMatchObject({ status: 'processing', done: false });
    h.sim.advance(2_500);
    const done = await status('proofread', id);
    expect(done).toMatchObject({ status: 'completed', done: true });
    expect(String(done.result.next)).toMatch(/get_proofread_subtitles/);
  });

  it('lipsync: pending → completed; failure is reported', async () => {
    const id = await newLipsync();
    expect((await status('lipsync', id)).status).toBe('pending');
    h.sim.advance(2_500);
    expect(await status('lipsync', id)).toMatchObject({ status: 'completed', done: true, result: { lipsync_id: id } });
    const bad = await newLipsync();
    h.sim.setOutcome(bad, 'failed');
    h.sim.advance(2_500);
    expect((await status('lipsync', bad)).failed).toBe(true);
  });

  it('avatar_group: pending_consent stops waiting and says the user must act; then training completes', async () => {
    const id = await newAvatar('digital_twin');
    const waiting = await status('avatar_group', id);
    expect(waiting).toMatchObject({ status: 'pending_consent', done: false, failed: false, needs_input: true });
    expect(String(waiting.result.next)).toMatch(/start_avatar_consent/);
    await h.deps.heygen.avatars.consent(id, {});
    expect((await status('avatar_group', id)).status).toBe('processing');
    h.sim.advance(6_000);
    expect(await status('avatar_group', id)).toMatchObject({ status: 'completed', done: true });
  });

  it('avatar_group: a photo avatar trains without consent', async () => {
    const id = await newAvatar('photo');
    expect(await status('avatar_group', id)).toMatchObject({ status: 'processing', done: false });
    h.sim.advance(3_000);
    expect((await status('avatar_group', id)).done).toBe(true);
  });

  it('voice_clone: "complete" (not "completed") counts as done', async () => {
    const id = await newVoiceClone();
    expect(await status('voice_clone', id)).toMatchObject({ status: 'processing', done: false });
    h.sim.advance(1_500);
    expect(await status('voice_clone', id)).toMatchObject({ status: 'complete', done: true, result: { voice_id: id } });
  });

  it('an unknown id is a HeyGen not-found error', async () => {
    await expect(status('lipsync', 'missing')).rejects.toMatchObject({ name: 'HeyGenError', status: 404 });
  });
});

describe('status resources', () => {
  it('heygen://video-translations/{id}, heygen://proofreads/{id} and heygen://lipsyncs/{id} read live status', async () => {
    const t = await newTranslation();
    const p = await newProofread();
    const l = await newLipsync();
    for (const [uri, kind] of [[`heygen://video-translations/${t}`, 'video_translation'], [`heygen://proofreads/${p}`, 'proofread'], [`heygen://lipsyncs/${l}`, 'lipsync']] as const) {
      const r = await h.client.readResource({ uri });
      const body = JSON.parse((r.contents[0] as { text: string }).text);
      expect(body).toMatchObject({ kind, done: false, failed: false });
    }
    const listed = await h.client.listResources();
    expect(listed.resources.map((r) => r.uri)).toContain(`heygen://lipsyncs/${l}`);
  });

  it('an unknown id reads as a clear error', async () => {
    await expect(h.client.readResource({ uri: 'heygen://lipsyncs/missing' })).rejects.toThrow(/Not found on HeyGen/);
  });
});

describe('wait_for_job', () => {
  const cases: [string, () => Promise<string>, number][] = [
    ['video_translation', newTranslation, 5_000],
    ['proofread', newProofread, 2_500],
    ['lipsync', newLipsync, 2_500],
    ['avatar_group', () => newAvatar('photo'), 3_000],
    ['voice_clone', newVoiceClone, 1_500],
  ];
  it.each(cases)('%s: returns the finished job', async (kind, make, ms) => {
    const id = await make();
    h.sim.advance(ms);
    h.sim.clearRequests();
    const out = await h.ok('wait_for_job', { kind, id, timeout_seconds: 5 });
    expect(out).toMatchObject({ kind, id, done: true });
    expect(out.status).toBe(kind === 'voice_clone' ? 'complete' : 'completed');
    if (kind === 'video_translation' || kind === 'lipsync') expect(out.video_url).toMatch(/^http/);
    // one status read is enough for a job that is already finished
    expect(h.sim.apiRequests().length).toBeLessThanOrEqual(2);
  });

  it('avatar_group: stops at pending_consent and says what the user must do', async () => {
    const id = await newAvatar('digital_twin');
    const started = Date.now();
    const out = await h.ok('wait_for_job', { kind: 'avatar_group', id, timeout_seconds: 5 });
    expect(out).toMatchObject({ done: false, status: 'pending_consent', needs_input: true });
    // a stop state: it returns at once instead of polling out the timeout
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
