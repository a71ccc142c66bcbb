import { z } from 'zod';
import { JOB_KINDS, jobKind, type JobStatus } from '../../jobs/kinds.js';
import { pollJob } from '../../jobs/poll.js';
import { defineTool } from '../define.js';
import { ToolRefusal } from '../errors.js';
import { heygenId } from './shared-inputs.js';

const MORE_FIELDS = [
  'video_translation_id', 'proofread_id', 'lipsync_id', 'group_id', 'voice_id', 'name', 'output_language', 'language', 'consent_status',
  'audio_url', 'srt_caption_url', 'vtt_caption_url', 'caption_url', 'preview_image_url', 'preview_audio_url',
] as const;
const TEXT_FIELDS = ['session_id', 'video_id', 'title', 'video_url', 'captioned_video_url', 'subtitle_url', 'thumbnail_url', 'video_page_url', 'agent_message', 'next', ...MORE_FIELDS] as const;

/** Leaves room under the ~60 s request timeout most MCP clients use. */
const HARD_LIMIT_MS = 54_000;

export default defineTool({
  name: 'wait_for_job',
  title: 'Wait for a HeyGen job',
  description: 'Wait up to 50 s for a video, agent session or other job to finish; returns the result, the failure, or done:false with when to call again.',
  toolset: 'videos',
  kind: 'read',
  hints: { idsFrom: 'list_videos' },
  input: {
    kind: z.enum(JOB_KINDS).describe('What the id names.'),
    id: heygenId('id'),
    timeout_seconds: z.number().int().min(1).max(50).default(45),
  },
  output: {
    kind: z.string(),
    id: z.string(),
    done: z.boolean(),
    status: z.string(),
    failed: z.boolean().optional(),
    needs_input: z.boolean().optional(),
    progress: z.number().optional(),
    failure_code: z.string().optional(),
    failure_message: z.string().optional(),
    session_id: z.string().optional(),
    video_id: z.string().optional(),
    title: z.string().optional(),
    duration: z.number().optional(),
    video_url: z.string().optional(),
    captioned_video_url: z.string().optional(),
    subtitle_url: z.string().optional(),
    thumbnail_url: z.string().optional(),
    video_page_url: z.string().optional(),
    agent_message: z.string().optional(),
    ...Object.fromEntries(MORE_FIELDS.map((k) => [k, z.string().optional()])) as Record<(typeof MORE_FIELDS)[number], z.ZodOptional<z.ZodString>>,
    next: z.string().optional(),
    suggested_poll_seconds: z.number().optional(),
  },
  async handler(a, ctx) {
    const kind = jobKind(a.kind);
    if (!kind) throw new ToolRefusal(`wait_for_job cannot follow '${a.kind}' jobs in this version yet; read its status with the matching get tool instead.`);
    let lastProgress = -1;
    const outcome = await pollJob({
      fetch: (signal) => kind.fetch(ctx.heygen, a.id, { signal }),
      timeoutMs: a.timeout_seconds * 1000,
      hardLimitMs: Math.min(HARD_LIMIT_MS, a.timeout_seconds * 1000 + 8_000),
      signal: ctx.signal,
      onPoll: async (st, elapsedMs) => {
        // Progress must grow with every notification: percent when HeyGen gives one, else seconds waited.
        const value = st.progress !== undefined ? st.progress : Math.round(elapsedMs / 1000);
        if (value <= lastProgress) return;
        lastProgress = value;
        await ctx.progress(value, st.progress !== undefined ? 100 : undefined, `${a.kind} ${a.id}: ${st.status}`);
      },
    });
    const st: JobStatus = outcome.last ?? { status: 'unknown', done: false, failed: false, result: {} };
    if (st.done) await ctx.progress(100, 100, `${a.kind} ${a.id}: ${st.status}`);
    const out = {
      kind: a.kind, id: a.id, done: st.done, status: st.status,
      ...(st.failed ? { failed: true, failure_code: st.failure_code, failure_message: st.failure_message } : {}),
      ...(st.needs_input ? { needs_input: true } : {}),
      progress: st.progress,
      ...resultFields(st.result),
      ...(!outcome.settled ? { suggested_poll_seconds: Math.max(2, Math.round(outcome.nextDelayMs / 1000)) } : {}),
    };
    if (st.done && typeof st.result.next === 'string') ctx.note(`Finished. Next: ${st.result.next}.`);
    else if (st.done && st.result.video_id) ctx.note('Finished. download_video saves the file locally.');
    else if (st.needs_input) ctx.note('The agent is waiting for an answer: show it to the user, then send_video_agent_message.');
    else if (st.failed) ctx.note(`The job failed; creating it again spends credits again. Details: ${kind.getTool}.`);
    else ctx.note(`Still running: call wait_for_job again (in about ${out.suggested_poll_seconds ?? 10} s).`);
    return out;
  },
});

/** The result fields this tool's output declares; other kinds add theirs here when they land. */
function resultFields(r: JobStatus['result']): Partial<Record<(typeof TEXT_FIELDS)[number], string>> & { duration?: number } {
  const out: Partial<Record<(typeof TEXT_FIELDS)[number], string>> & { duration?: number } = {};
  for (const k of TEXT_FIELDS) if (typeof r[k] === 'string') out[k] = r[k] as string;
  if (typeof r.duration === 'number') out.duration = r.duration;
  return out;
}
