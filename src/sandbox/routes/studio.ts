import { z } from 'zod';
import { badParam, notFound } from '../errors.js';
import { ok, page, type Ctx, type RouteDef } from '../http-server.js';
import { DURATIONS, FAILURES, newId, phaseAt, type BackgroundRemovalJob, type ClippingJobRec } from '../jobs.js';
import { enumParam, mediaInput, opt, paginate, parseBody, refInput, requireQuery, str } from '../validate.js';
import { checkMedia } from './common.js';

/**
 * Background removal, AI clipping, brand kits and glossaries, and the sound library. Bodies
 * are strict: a field the v3 schema does not define is refused, naming it.
 */

const LAYERS = ['foreground', 'mask', 'background'] as const;
const removalBody = z.strictObject({
  video: mediaInput,
  layers: z.array(z.enum(LAYERS)).min(1).max(3).optional(),
  request_id: opt(z.string().min(1).max(128)),
  title: opt(str),
});

const clippingBody = z.strictObject({
  video: refInput,
  output_settings: z.strictObject({
    duration_types: z.array(z.enum(['30', '60', '180', 'long'])).min(1),
    aspect_ratio: z.enum(['landscape', 'portrait', 'square']).optional(),
    captions: z.boolean().optional(),
    caption_style: opt(str),
    prompt: opt(str),
  }),
  title: opt(str),
  input_language: opt(str),
  callback_id: opt(str),
  callback_url: opt(z.string().regex(/^https:\/\//, 'must be an https URL')),
});

const REMOVAL_PHASES: [string, number][] = [['pending', DURATIONS.backgroundRemoval.pending], ['processing', DURATIONS.backgroundRemoval.processing]];
const CLIP_PHASES: [string, number][] = [['pending', DURATIONS.clipping.pending], ['running', DURATIONS.clipping.running]];

function removalView(ctx: Ctx, j: BackgroundRemovalJob): Record<string, unknown> {
  const ps = phaseAt(REMOVAL_PHASES, ctx.core.elapsed(j.startMs), ctx.core.outcome(j.id));
  const done = ps.status === 'completed';
  return {
    id: j.id, status: j.deleted ? 'deleted' : ps.status, created_at: j.createdAt,
    completed_at: ps.done ? Math.floor((j.startMs + (ps.total * 1000) / ctx.core.speed) / 1000) : null,
    duration: done ? 3.0 : null,
    error: ps.status === 'failed' ? (FAILURES['background_removal'] as [string, string])[1] : null,
    layers: done ? Object.fromEntries(j.layers.map((l) => [l, ctx.core.fileUrl(`${j.id}_${l}`, 'sample.webm')])) : {},
  };
}

function clippingView(ctx: Ctx, j: ClippingJobRec): Record<string, unknown> {
  const ps = phaseAt(CLIP_PHASES, ctx.core.elapsed(j.startMs), ctx.core.outcome(j.id));
  const done = ps.status === 'completed';
  return {
    id: j.id, status: ps.status, title: j.title, created_at: j.createdAt, progress: Math.round(ps.fraction * 100),
    source_duration: 600, input_language: j.inputLanguage, callback_id: j.callbackId, output_settings: j.settings,
    failure_message: ps.status === 'failed' ? (FAILURES['clipping'] as [string, string])[1] : null,
    clips: done ? j.settings.duration_types.map((d, i) => ({
      id: `${j.id}-clip-${i}`, status: 'completed', title: `Clip ${i + 1}`, aspect_ratio: j.settings.aspect_ratio,
      duration_seconds: d === 'long' ? 240 : Number(d), virality_score: 90 - i * 7,
      video_url: ctx.core.fileUrl(`${j.id}-clip-${i}`, j.settings.aspect_ratio === 'portrait' ? 'sample-portrait.mp4' : 'sample.mp4'),
      thumbnail_url: ctx.core.fileUrl(`${j.id}-clip-${i}`, 'preview.jpg'), failure_message: null,
    })) : [],
  };
}

function requireRemoval(ctx: Ctx): BackgroundRemovalJob {
  const id = ctx.params['job_id'] ?? '';
  const j = ctx.state.backgroundRemovals.get(id);
  if (!j || j.deleted) throw notFound('not_found', 'Background removal', id);
  return j;
}

function requireClipping(ctx: Ctx): ClippingJobRec {
  const id = ctx.params['job_id'] ?? '';
  const j = ctx.state.clippings.get(id);
  if (!j) throw notFound('not_found', 'AI clipping job', id);
  return j;
}

const BRAND_KITS = [
  { brand_kit_id: 'bk_sandbox_main', name: 'Sandbox Main', colors: ['#1B1F3B', '#F2A541', '#FFFFFF'], logo_url: null as string | null },
  { brand_kit_id: 'bk_sandbox_event', name: 'Launch Event', colors: ['#0B6E4F', '#F4F1DE'], logo_url: null as string | null },
];
const GLOSSARIES = [
  { brand_glossary_id: 'bg_sandbox_product', name: 'Product names', created_at: '2026-01-05T10:00:00Z', updated_at: '2026-03-02T09:30:00Z' },
  { brand_glossary_id: 'bg_sandbox_legal', name: 'Legal terms', created_at: '2026-02-11T14:00:00Z', updated_at: '2026-02-11T14:00:00Z' },
];
const SOUNDS = [
  ['music', 'Lofi Morning', 'upbeat lofi hip-hop with warm keys'], ['music', 'Rising Tension', 'tense cinematic riser with strings'],
  ['music', 'Calm Piano', 'calm ambient piano for explainers'], ['music', 'Corporate Bright', 'bright corporate pop with claps'],
  ['sound_effects', 'Whoosh', 'whoosh for a scene change'], ['sound_effects', 'Cash Register', 'cash register cha-ching'],
  ['sound_effects', 'Soft Click', 'soft interface click'], ['sound_effects', 'Crowd Applause', 'crowd applause in a hall'],
] as const;

/** Word overlap between the query and a track's description: a stand-in for semantic similarity. */
function score(query: string, text: string): number {
  const words = query.toLowerCase().split(/\W+/).filter(Boolean);
  if (!words.length) return 0;
  const hay = text.toLowerCase();
  return Math.round((0.6 + 0.4 * (words.filter((w) => hay.includes(w)).length / words.length)) * 100) / 100;
}

export const studioRoutes: RouteDef[] = [
  {
    method: 'POST', path: '/v3/background-removals', handler: (ctx) => {
      const b = parseBody(removalBody, ctx.body);
      checkMedia(ctx, b.video, 'video');
      if (b.request_id) {
        const prior = [...ctx.state.backgroundRemovals.values()].find((j) => j.requestId === b.request_id);
        if (prior) return ok(removalView(ctx, prior));
      }
      ctx.core.charge(ctx.state, 'background_removal');
      const j: BackgroundRemovalJob = {
        id: newId(), title: b.title ?? null, layers: b.layers ?? [...LAYERS], requestId: b.request_id ?? null,
        startMs: ctx.core.nowMs(), createdAt: ctx.core.nowSec(), deleted: false,
      };
      ctx.state.backgroundRemovals.set(j.id, j);
      return ok(removalView(ctx, j));
    },
  },
  {
    method: 'GET', path: '/v3/background-removals', handler: (ctx) => {
      const items = [...ctx.state.backgroundRemovals.values()].filter((j) => !j.deleted).reverse();
      const p = paginate(items, ctx.query, 'background-removals', { max: 100, def: 10 });
      return page({ ...p, data: p.data.map((j) => removalView(ctx, j)) });
    },
  },
  { method: 'GET', path: '/v3/background-removals/{job_id}', handler: (ctx) => ok(removalView(ctx, requireRemoval(ctx))) },
  {
    method: 'DELETE', path: '/v3/background-removals/{job_id}', handler: (ctx) => {
      const j = requireRemoval(ctx);
      j.deleted = true;
      return ok({ id: j.id, deleted: true });
    },
  },
  {
    method: 'POST', path: '/v3/ai-clipping', handler: (ctx) => {
      const b = parseBody(clippingBody, ctx.body);
      checkMedia(ctx, b.video, 'video');
      ctx.core.charge(ctx.state, 'clipping');
      const s = b.output_settings;
      const j: ClippingJobRec = {
        id: newId(), title: b.title ?? null, startMs: ctx.core.nowMs(), createdAt: ctx.core.nowSec(),
        inputLanguage: b.input_language ?? null, callbackId: b.callback_id ?? null,
        settings: { aspect_ratio: s.aspect_ratio ?? 'portrait', captions: s.captions ?? true, caption_style: s.caption_style ?? null, duration_types: [...new Set(s.duration_types)], prompt: s.prompt ?? null },
      };
      ctx.state.clippings.set(j.id, j);
      return ok({ id: j.id, status: 'pending' }, 202);
    },
  },
  {
    method: 'GET', path: '/v3/ai-clipping', handler: (ctx) => {
      const p = paginate([...ctx.state.clippings.values()].reverse(), ctx.query, 'ai-clipping', { max: 100, def: 10 });
      return page({ ...p, data: p.data.map((j) => clippingView(ctx, j)) });
    },
  },
  { method: 'GET', path: '/v3/ai-clipping/{job_id}', handler: (ctx) => ok(clippingView(ctx, requireClipping(ctx))) },
  {
    method: 'DELETE', path: '/v3/ai-clipping/{job_id}', handler: (ctx) => {
      const j = requireClipping(ctx);
      ctx.state.clippings.delete(j.id);
      return ok({ id: j.id });
    },
  },
  {
    method: 'GET', path: '/v3/brand-kits', handler: (ctx) => {
      const p = paginate(BRAND_KITS, ctx.query, 'brand-kits', { max: 100, def: 20 });
      return page(p);
    },
  },
  {
    method: 'GET', path: '/v3/brand-glossaries', handler: (ctx) => {
      const p = paginate(GLOSSARIES, ctx.query, 'brand-glossaries', { max: 100, def: 10 });
      return page(p);
    },
  },
  {
    method: 'GET', path: '/v3/audio/sounds', handler: (ctx) => {
      const query = requireQuery(ctx.query, 'query');
      const type = enumParam(ctx.query, 'type', ['music', 'sound_effects'] as const) ?? 'music';
      const raw = ctx.query['min_score'];
      const min = raw === undefined || raw === '' ? 0.7 : Number(raw);
      if (!Number.isFinite(min) || min < 0 || min > 1) throw badParam('min_score', "'min_score' must be a number between 0 and 1");
      const hits = SOUNDS.map(([t, name, description], i) => ({
        id: `snd_${i}`, type: t, name, description, duration: t === 'music' ? 120 : 2, score: score(query, description),
        audio_url: ctx.core.fileUrl(`snd_${i}`, 'speech.mp3'), peak_offset: null, placement: null,
      })).filter((s) => s.type === type && s.score >= min).sort((a, b) => b.score - a.score);
      const p = paginate(hits, ctx.query, `sounds|${query}|${type}|${min}`, { max: 50, def: 10 });
      return page(p);
    },
  },
];
