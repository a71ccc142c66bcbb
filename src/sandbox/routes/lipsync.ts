import { z } from 'zod';
import { notFound } from '../errors.js';
import { ok, page, type Ctx, type RouteDef } from '../http-server.js';
import { DURATIONS, FAILURES, newId, phaseAt, type LipsyncJob } from '../jobs.js';
import { opt, paginate, parseBody, refInput, str } from '../validate.js';
import { checkMedia } from './common.js';

export const createBody = z.object({
  video: refInput, audio: refInput, title: opt(str), mode: z.enum(['speed', 'precision']).optional(),
  enable_caption: z.boolean().optional(), enable_dynamic_duration: z.boolean().optional(), enable_speech_enhancement: z.boolean().optional(),
  enable_watermark: z.boolean().optional(), disable_music_track: z.boolean().optional(), keep_the_same_format: opt(z.boolean()),
  fps_mode: opt(str), start_time: opt(z.number().min(0)), end_time: opt(z.number().positive()),
  folder_id: opt(str), callback_id: opt(str), callback_url: opt(str),
});
const PHASES: [string, number][] = [['pending', DURATIONS.lipsync.pending], ['running', DURATIONS.lipsync.running]];

export function lipsyncView(ctx: Ctx, j: LipsyncJob): Record<string, unknown> {
  const ps = phaseAt(PHASES, ctx.core.elapsed(j.startMs), ctx.core.outcome(j.id));
  const done = ps.status === 'completed';
  return {
    id: j.id, title: j.title, status: ps.status, created_at: j.createdAt, callback_id: j.callbackId, duration: done ? 3.0 : null,
    video_url: done ? ctx.core.fileUrl(j.id, 'sample.mp4') : null,
    caption_url: done && j.captions ? ctx.core.fileUrl(j.id, 'captions.srt') : null,
    failure_message: ps.status === 'failed' ? (FAILURES['lipsync'] as string[])[1] : null,
  };
}

function requireJob(ctx: Ctx): LipsyncJob {
  const id = ctx.params['lipsync_id'] ?? '';
  const j = ctx.state.lipsyncs.get(id);
  if (!j) throw notFound('not_found', 'Lipsync', id);
  return j;
}

/** Validates and starts one lipsync; shared with batches. */
export function submitLipsync(ctx: Ctx, b: z.output<typeof createBody>, prefix = ''): LipsyncJob {
  checkMedia(ctx, b.video, `${prefix}video`);
  checkMedia(ctx, b.audio, `${prefix}audio`);
  ctx.core.charge(ctx.state, 'lipsync');
  const j: LipsyncJob = { id: newId(), title: b.title ?? null, startMs: ctx.core.nowMs(), createdAt: ctx.core.nowSec(), captions: !!b.enable_caption, callbackId: b.callback_id ?? null };
  ctx.state.lipsyncs.set(j.id, j);
  return j;
}

export const lipsyncRoutes: RouteDef[] = [
  {
    method: 'POST', path: '/v3/lipsyncs', handler: (ctx) => {
      const j = submitLipsync(ctx, parseBody(createBody, ctx.body));
      return ok({ lipsync_id: j.id });
    },
  },
  {
    method: 'GET', path: '/v3/lipsyncs', handler: (ctx) => {
      const p = paginate([...ctx.state.lipsyncs.values()].reverse(), ctx.query, 'lipsyncs', { max: 100, def: 10 });
      return page({ ...p, data: p.data.map((j) => lipsyncView(ctx, j)) });
    },
  },
  { method: 'GET', path: '/v3/lipsyncs/{lipsync_id}', handler: (ctx) => ok(lipsyncView(ctx, requireJob(ctx))) },
  {
    method: 'PATCH', path: '/v3/lipsyncs/{lipsync_id}', handler: (ctx) => {
      const j = requireJob(ctx);
      j.title = parseBody(z.object({ title: z.string().min(1).max(255) }), ctx.body).title;
      return ok(lipsyncView(ctx, j));
    },
  },
  {
    method: 'DELETE', path: '/v3/lipsyncs/{lipsync_id}', handler: (ctx) => {
      const j = requireJob(ctx);
      ctx.state.lipsyncs.delete(j.id);
      return ok({ id: j.id });
    },
  },
];
