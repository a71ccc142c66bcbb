import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollDelayMs, pollJob, startAttempt } from '../../src/jobs/poll.js';
import type { JobStatus } from '../../src/jobs/kind.js';
import { connect, textOf, type Harness } from '../helpers/harness.js';
import { pickLook } from './helpers.js';

let h: Harness;
let look: { look_id: string };
beforeAll(async () => { h = await connect(); look = await pickLook(h); });
afterAll(async () => { await h.close(); });

const newVideo = async (h2: Harness = h) => (await h2.ok('create_avatar_video', { avatar_id: look.look_id, script: `Wait test ${Math.random()}` })).video_id as string;

describe('wait_for_job', () => {
  it('returns the finished video with its download URL', async () => {
    const id = await newVideo();
    h.sim.advance(2_000); // 120 simulated seconds at speed 60: past the ~90 s render
    const r = await h.call('wait_for_job', { kind: 'video', id, timeout_seconds: 5 });
    expect(r.structuredContent).toMatchObject({ kind: 'video', id, done: true, status: 'completed', video_id: id, progress: 100, next: expect.stringMatching(/download_video/) });
    expect((r.structuredContent as any).video_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\//);
    expect(textOf(r)).toMatch(/download_video/);
  });

  it('surfaces the failure code and message of a failed render', async () => {
    const id = await newVideo();
    h.sim.setOutcome(id, 'failed');
    h.sim.advance(2_000);
    expect(await h.ok('wait_for_job', { kind: 'video', id, timeout_seconds: 5 })).toMatchObject({ done: true, status: 'failed', failed: true, failure_code: 'RENDER_FAILED', failure_message: expect.stringMatching(/rendered/) });
  });

  it('times out with done:false and a suggested interval within its bound (timeout 1 s → under 2.5 s)', async () => {
    const slow = await connect({ sim: { speed: 1 } });
    try {
      const id = await newVideo(slow);
      const t0 = Date.now();
      const out = await slow.ok('wait_for_job', { kind: 'video', id, timeout_seconds: 1 });
      expect(Date.now() - t0).toBeLessThan(2_500);
      expect(out).toMatchObject({ done: false, status: 'pending' });
      expect(out.suggested_poll_seconds).toBeGreaterThanOrEqual(2);
      expect(out.suggested_poll_seconds).toBeLessThanOrEqual(30);
    } finally { await slow.close(); }
  });

  it('sends percent progress notifications for an agent session when given a token', async () => {
    const s = await h.ok('create_video_agent', { prompt: 'Progress test prompt.' });
    const seen: { progress: number; total?: number }[] = [];
    const r = await h.client.callTool({ name: 'wait_for_job', arguments: { kind: 'video_agent_session', id: s.session_id, timeout_seconds: 3 } }, { onprogress: (p) => seen.push(p) });
    expect(r.isError).toBeFalsy();
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((p) => p.total === 100)).toBe(true);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.progress).toBeGreaterThan(seen[i - 1]!.progress);
  });

  it('stops at waiting_for_input for a chat session and says the user must answer', async () => {
    const s = await h.ok('create_video_agent', { prompt: 'Chat test prompt.', mode: 'chat' });
    h.sim.advance(1_000); // chat drafting: 30 simulated seconds
    const r = await h.call('wait_for_job', { kind: 'video_agent_session', id: s.session_id, timeout_seconds: 5 });
    expect(r.structuredContent).toMatchObject({ done: false, needs_input: true, status: 'waiting_for_input', agent_message: expect.stringMatching(/go/), next: expect.stringMatching(/send_video_agent_message/) });
  });

  it('carries a translation\'s language, audio and caption URLs, with the advice in next', async () => {
    const created = await h.deps.heygen.translations.create({ video: { type: 'url', url: 'https://cdn.example.com/talk.mp4' }, output_languages: ['Japanese'] });
    const id = created.video_translation_ids[0]!;
    h.sim.advance(5_000);
    const out = await h.ok('wait_for_job', { kind: 'video_translation', id, timeout_seconds: 5 });
    expect(out).toMatchObject({ kind: 'video_translation', id, done: true, output_language: 'Japanese', video_url: expect.stringMatching(/^http/), next: expect.stringMatching(/get_video_translation/) });
    for (const k of ['audio_url', 'subtitle_url', 'vtt_caption_url'] as const) if (out[k] !== undefined) expect(out[k]).toMatch(/^http/);
  });

  it('stops at pending_consent for a digital twin and says to send the consent link from start_avatar_consent', async () => {
    const g = await h.deps.heygen.avatars.create({ type: 'digital_twin', name: 'wait consent', file: { type: 'url', url: 'https://cdn.example.com/talk.mp4' } });
    const r = await h.call('wait_for_job', { kind: 'avatar_group', id: g.avatar_group!.id, timeout_seconds: 5 });
    expect(r.structuredContent).toMatchObject({ done: false, needs_input: true, status: 'pending_consent', next: expect.stringMatching(/start_avatar_consent.*consent link/) });
    expect(textOf(r)).not.toMatch(/send_video_agent_message/);
  });

  it('refuses an unknown kind and a bad id with no request', async () => {
    h.sim.clearRequests();
    expect(await h.fails('wait_for_job', { kind: 'banana', id: 'x' })).toMatch(/kind/);
    expect(await h.fails('wait_for_job', { kind: 'video', id: 'a/b' })).toMatch(/id/);
    expect(await h.fails('wait_for_job', { kind: 'video', id: 'abc', timeout_seconds: 51 })).toMatch(/timeout_seconds/);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });
});

describe('poll schedule', () => {
  it('doubles from 2 s with ±25 % jitter and caps at 30 s', () => {
    expect(pollDelayMs(0, () => 0)).toBe(1_500);
    expect(pollDelayMs(0, () => 1)).toBe(2_500);
    expect(pollDelayMs(2, () => 0.5)).toBe(8_000);
    expect(pollDelayMs(10, () => 1)).toBe(30_000);
    expect(startAttempt(undefined)).toBe(0);
    expect(startAttempt(600)).toBe(5);
  });

  it('never sleeps past the deadline and polls once more at it', async () => {
    let t = 0;
    const sleeps: number[] = [];
    const running: JobStatus = { status: 'processing', done: false, failed: false, result: {} };
    const out = await pollJob({
      fetch: async () => running, timeoutMs: 5_000, hardLimitMs: 13_000, signal: new AbortController().signal,
      now: () => t, random: () => 0.5, sleep: async (ms) => { sleeps.push(ms); t += ms; },
    });
    expect(sleeps).toEqual([2_000, 3_000]);
    expect(out).toMatchObject({ settled: false, polls: 3, nextDelayMs: 8_000 });
  });

  it('stops on cancellation', async () => {
    const ac = new AbortController();
    const p = pollJob({ fetch: async () => ({ status: 'processing', done: false, failed: false, result: {} }), timeoutMs: 30_000, hardLimitMs: 38_000, signal: ac.signal });
    setTimeout(() => ac.abort(new Error('cancelled')), 50);
    await expect(p).rejects.toThrow(/cancelled/);
  });
});
