import { z } from 'zod';
import { jobKind } from '../../jobs/kinds.js';
import { JOB_KINDS, type JobKindName, type JobStatus } from '../../jobs/kind.js';
import { pollDelayMs, pollJob, type PollOutcome } from '../../jobs/poll.js';
import { followUntilSettled } from '../../hosted/follow-wait.js';
import { defineTool } from '../define.js';
import { ToolRefusal } from '../../errors.js';
import { heygenId } from '../fields.js';

/** Leaves room under the ~60 s request timeout most MCP clients use. */
const HARD_LIMIT_MS = 54_000;

/**
 * One flat result for every kind: the job's own id is `id`, so per-kind id fields are not
 * repeated; URLs of the same role share a name (any kind's SRT captions are `subtitle_url`).
 */
const RESULT = {
  video_id: ['video_id'],
  video_url: ['video_url'],
  captioned_video_url: ['captioned_video_url'],
  video_page_url: ['video_page_url'],
  audio_url: ['audio_url'],
  subtitle_url: ['subtitle_url', 'srt_caption_url', 'caption_url'],
  vtt_caption_url: ['vtt_caption_url'],
  preview_url: ['preview_image_url', 'preview_audio_url'],
  output_language: ['output_language'],
  consent_status: ['consent_status'],
  agent_message: ['agent_message'],
} as const;
type ResultKey = keyof typeof RESULT;

/** What a person must do when a job of this kind stops for input; polling cannot move it on. */
const NEEDS_INPUT: Partial<Record<JobKindName, string>> = {
  avatar_group: 'the person in the avatar must consent: call start_avatar_consent and send them the consent link, then wait again',
  video_agent_session: 'the agent asked a question (agent_message): show it to the user, then answer with send_video_agent_message',
};

const waitForJob = defineTool({
  name: 'wait_for_job',
  title: 'Wait for a HeyGen job',
  description: 'Wait up to 50 s for a job: done:true once it finished (failed:true if it failed), else done:false; `next` says what to do now.',
  toolset: 'videos',
  kind: 'read',
  view: 'ui://heygen/render.html',
  task: 'waits-on-job',
  hints: { idsFrom: 'list_videos' },
  input: () => ({
    kind: z.enum(JOB_KINDS),
    id: heygenId().describe('the job\'s id'),
    timeout_seconds: z.number().int().min(1).max(50).default(45),
  }),
  output: () => ({
    kind: z.string(),
    id: z.string(),
    done: z.boolean(),
    status: z.string(),
    failed: z.boolean().optional(),
    needs_input: z.boolean().optional(),
    progress: z.number().optional(),
    failure_code: z.string().optional(),
    failure_message: z.string().optional(),
    duration: z.number().optional(),
    ...Object.fromEntries(Object.keys(RESULT).map((k) => [k, z.string().optional()])) as Record<ResultKey, z.ZodOptional<z.ZodString>>,
    next: z.string().optional(),
    suggested_poll_seconds: z.number().optional(),
  }),
  async handler(a, ctx) {
    const kind = jobKind(a.kind);
    if (!kind) throw new ToolRefusal(`wait_for_job cannot follow '${a.kind}' jobs in this version yet; read its status with the matching get tool instead.`);
    let lastProgress = -1;
    const onPoll = async (st: JobStatus, elapsedMs: number) => {
      // Progress must grow with every notification: percent when HeyGen gives one, else seconds waited.
      const value = st.progress !== undefined ? st.progress : Math.round(elapsedMs / 1000);
      if (value <= lastProgress) return;
      lastProgress = value;
      await ctx.progress(value, st.progress !== undefined ? 100 : undefined, `${a.kind} ${a.id}: ${st.status}`);
    };
    const timeoutMs = a.timeout_seconds * 1000;
    let outcome: Pick<PollOutcome, 'last' | 'settled' | 'nextDelayMs'>;
    const watcher = ctx.deps.watcher;
    if (watcher) {
      // Concurrent waits on one job share the watcher's single poll.
      const started = Date.now();
      const f = await followUntilSettled(watcher, {
        keyId: ctx.state.keyId, heygen: ctx.heygen, uri: kind.resourceUri(a.id), timeoutMs, signal: ctx.signal,
        onState: (st) => void onPoll(st, Date.now() - started),
      });
      // The job cannot be read any more: one direct read says why, in the usual words.
      if (f.gone) await kind.fetch(ctx.heygen, a.id, ctx.call);
      outcome = { last: f.last, settled: f.settled, nextDelayMs: pollDelayMs(2) };
    } else {
      outcome = await pollJob({
        fetch: (signal) => kind.fetch(ctx.heygen, a.id, { signal }),
        timeoutMs,
        hardLimitMs: Math.min(HARD_LIMIT_MS, timeoutMs + 8_000),
        signal: ctx.signal,
        onPoll,
      });
    }
    const st: JobStatus = outcome.last ?? { status: 'unknown', done: false, failed: false, result: {} };
    if (st.done) await ctx.progress(100, 100, `${a.kind} ${a.id}: ${st.status}`);
    const poll = outcome.settled ? undefined : Math.max(2, Math.round(outcome.nextDelayMs / 1000));
    return waitOutput(a.kind, a.id, st, poll);
  },
});

/** The result of wait_for_job for a job in status `st` (also a finished task's result). */
export function waitOutput(kindName: JobKindName, id: string, st: JobStatus, poll?: number) {
  const kind = jobKind(kindName);
  return {
    // A failed job is finished too: done says "stop waiting", failed says how it ended.
    kind: kindName, id, done: st.done || st.failed, status: st.status,
    ...(st.failed ? { failed: true, failure_code: st.failure_code, failure_message: st.failure_message } : {}),
    ...(st.needs_input ? { needs_input: true } : {}),
    progress: st.progress,
    ...resultFields(st.result),
    next: nextStep(kindName, st, kind?.getTool ?? 'get_video', poll),
    ...(poll !== undefined ? { suggested_poll_seconds: poll } : {}),
  };
}

function nextStep(kind: JobKindName, st: JobStatus, getTool: string, poll: number | undefined): string {
  const advice = typeof st.result.next === 'string' ? st.result.next : undefined;
  if (st.failed) return `creating it again spends credits again; details: ${getTool}`;
  if (st.done) return advice ?? (typeof st.result.video_id === 'string' ? 'download_video saves the file locally' : `${getTool} shows the details`);
  if (st.needs_input) return NEEDS_INPUT[kind] ?? advice ?? `waiting for input: see ${getTool}`;
  return `still running: call wait_for_job again in about ${poll ?? 10} s`;
}

function resultFields(r: JobStatus['result']): Partial<Record<ResultKey, string>> & { duration?: number } {
  const out: Partial<Record<ResultKey, string>> & { duration?: number } = {};
  for (const [key, sources] of Object.entries(RESULT) as [ResultKey, readonly string[]][]) {
    const v = sources.map((s) => r[s]).find((x) => typeof x === 'string');
    if (typeof v === 'string') out[key] = v;
  }
  if (typeof r.duration === 'number') out.duration = r.duration;
  return out;
}

export default waitForJob;
