import { z } from 'zod';
import { ApiError, badParam, notFound } from '../errors.js';
import { ok, page, type Ctx, type RouteDef } from '../http-server.js';
import { DURATIONS, FAILURES, newId, phaseAt, type ProofreadJob, type TranslationJob } from '../jobs.js';
import { opt, paginate, parseBody, refInput, str } from '../validate.js';
import { checkMedia } from './common.js';

export const translateBody = z.object({
  video: refInput, output_languages: z.array(z.string().min(1)).min(1).max(100), title: opt(str),
  input_language: opt(str), audio: opt(refInput), srt: opt(refInput), srt_role: opt(z.enum(['input', 'output'])),
  mode: z.enum(['speed', 'precision']).optional(), speaker_num: opt(z.number().int().min(1).max(10)),
  translate_audio_only: z.boolean().optional(), enable_caption: z.boolean().optional(), enable_dynamic_duration: z.boolean().optional(),
  enable_speech_enhancement: z.boolean().optional(), enable_watermark: z.boolean().optional(), disable_music_track: z.boolean().optional(),
  keep_the_same_format: opt(z.boolean()), fps_mode: opt(z.enum(['vfr', 'cfr', 'passthrough'])), start_time: opt(z.number().min(0)), end_time: opt(z.number().positive()),
  brand_glossary_id: opt(str), brand_voice_id: opt(str), folder_id: opt(str), callback_id: opt(str), callback_url: opt(str),
  stock_voice_config: opt(z.object({ use_stock_voice: z.boolean().optional(), preferred_stock_voice_ids: z.array(str).optional() })),
});
const proofreadBody = z.object({
  video: refInput, output_languages: z.array(z.string().min(1)).min(1).max(100), title: z.string().min(1),
  srt: opt(refInput), mode: z.enum(['speed', 'precision']).optional(), speaker_num: opt(z.number().int().min(1).max(10)),
  brand_glossary_id: opt(str), brand_voice_id: opt(str), folder_id: opt(str), disable_music_track: z.boolean().optional(),
  enable_speech_enhancement: z.boolean().optional(), enable_video_stretching: z.boolean().optional(), keep_the_same_format: z.boolean().optional(),
});
const generateBody = z.object({ captions: z.boolean().optional(), translate_audio_only: z.boolean().optional(), callback_id: opt(str), callback_url: opt(str) }).nullish();
const srtBody = z.object({ srt: refInput });
const renameBody = z.object({ title: z.string().min(1).max(255) });

function checkLanguages(ctx: Ctx, langs: string[]): void {
  const known = new Set(ctx.core.catalog.translationLanguages);
  langs.forEach((l, i) => { if (!known.has(l)) throw badParam(`output_languages.${i}`, `Unsupported language '${l}'; see GET /v3/video-translations/languages`); });
  const dupe = langs.findIndex((l, i) => langs.indexOf(l) !== i);
  if (dupe >= 0) throw badParam(`output_languages.${dupe}`, 'Each output language may appear only once');
}

function exclusiveAliases(b: { brand_glossary_id?: string | null; brand_voice_id?: string | null }): void {
  if (b.brand_glossary_id && b.brand_voice_id) throw badParam('brand_voice_id', "'brand_glossary_id' and 'brand_voice_id' name the same record; send only one");
}

function newTranslation(ctx: Ctx, init: Partial<TranslationJob> & { outputLanguage: string }): TranslationJob {
  const t: TranslationJob = {
    id: newId(), title: null, startMs: ctx.core.nowMs(), createdAt: ctx.core.nowSec(), inputLanguage: 'English', audioOnly: false, captions: false,
    callbackId: null, phases: [['pending', DURATIONS.translation.pending], ['running', DURATIONS.translation.running]], ...init,
  };
  ctx.state.translations.set(t.id, t);
  return t;
}

export function translationView(ctx: Ctx, t: TranslationJob): Record<string, unknown> {
  const ps = phaseAt(t.phases, ctx.core.elapsed(t.startMs), ctx.core.outcome(t.id));
  const done = ps.status === 'completed';
  return {
    id: t.id, title: t.title, status: ps.status, created_at: t.createdAt, input_language: t.inputLanguage, output_language: t.outputLanguage,
    translate_audio_only: t.audioOnly, callback_id: t.callbackId, duration: done ? 3.0 : null,
    video_url: done && !t.audioOnly ? ctx.core.fileUrl(t.id, 'sample.mp4') : null,
    audio_url: done ? ctx.core.fileUrl(t.id, 'speech.mp3') : null,
    srt_caption_url: done ? ctx.core.fileUrl(t.id, 'captions.srt') : null,
    vtt_caption_url: null,
    failure_message: ps.status === 'failed' ? (FAILURES['translation'] as string[])[1] : null,
  };
}

function proofreadView(ctx: Ctx, p: ProofreadJob): Record<string, unknown> {
  const ps = phaseAt([['processing', DURATIONS.proofread]], ctx.core.elapsed(p.createdMs), ctx.core.outcome(p.id));
  return {
    id: p.id, title: p.title, status: ps.status, created_at: p.createdAt, input_language: p.inputLanguage, output_language: p.outputLanguage,
    submitted_for_review: p.generatedTranslationId !== null,
    failure_message: ps.status === 'failed' ? 'Subtitles could not be prepared for review.' : null,
  };
}

function requireTranslation(ctx: Ctx): TranslationJob {
  const id = ctx.params['video_translation_id'] ?? '';
  const t = ctx.state.translations.get(id);
  if (!t) throw notFound('not_found', 'Video translation', id);
  return t;
}
function requireProofread(ctx: Ctx): ProofreadJob {
  const id = ctx.params['proofread_id'] ?? '';
  const p = ctx.state.proofreads.get(id);
  if (!p) throw notFound('not_found', 'Proofread', id);
  return p;
}

/** Validates and starts one translation request (one job per language); shared with batches. */
export function submitTranslation(ctx: Ctx, b: z.output<typeof translateBody>, prefix = ''): string[] {
  checkMedia(ctx, b.video, `${prefix}video`);
  checkMedia(ctx, b.audio, `${prefix}audio`);
  checkMedia(ctx, b.srt, `${prefix}srt`);
  checkLanguages(ctx, b.output_languages);
  exclusiveAliases(b);
  if (b.srt_role && !b.srt) throw badParam('srt_role', "'srt_role' needs 'srt'");
  if (b.start_time != null && b.end_time != null && b.end_time <= b.start_time) throw badParam('end_time', "'end_time' must be after 'start_time'");
  ctx.core.charge(ctx.state, 'translation', b.output_languages.length);
  return b.output_languages.map((lang) => newTranslation(ctx, {
    outputLanguage: lang, title: b.title ?? null, inputLanguage: b.input_language ?? 'English',
    audioOnly: !!b.translate_audio_only, captions: !!b.enable_caption, callbackId: b.callback_id ?? null,
  }).id);
}

export const translateRoutes: RouteDef[] = [
  { method: 'GET', path: '/v3/video-translations/languages', handler: (ctx) => ok({ languages: ctx.core.catalog.translationLanguages }) },
  {
    method: 'POST', path: '/v3/video-translations', handler: (ctx) => {
      const ids = submitTranslation(ctx, parseBody(translateBody, ctx.body));
      return ok({ video_translation_ids: ids });
    },
  },
  {
    method: 'GET', path: '/v3/video-translations', handler: (ctx) => {
      const p = paginate([...ctx.state.translations.values()].reverse(), ctx.query, 'translations', { max: 100, def: 10 });
      return page({ ...p, data: p.data.map((t) => translationView(ctx, t)) });
    },
  },
  { method: 'GET', path: '/v3/video-translations/{video_translation_id}', handler: (ctx) => ok(translationView(ctx, requireTranslation(ctx))) },
  {
    method: 'PATCH', path: '/v3/video-translations/{video_translation_id}', handler: (ctx) => {
      const t = requireTranslation(ctx);
      t.title = parseBody(renameBody, ctx.body).title;
      return ok(translationView(ctx, t));
    },
  },
  {
    method: 'DELETE', path: '/v3/video-translations/{video_translation_id}', handler: (ctx) => {
      const t = requireTranslation(ctx);
      ctx.state.translations.delete(t.id);
      return ok({ id: t.id });
    },
  },
  {
    method: 'POST', path: '/v3/video-translations/proofreads', handler: (ctx) => {
      const b = parseBody(proofreadBody, ctx.body);
      checkMedia(ctx, b.video, 'video');
      checkMedia(ctx, b.srt, 'srt');
      checkLanguages(ctx, b.output_languages);
      exclusiveAliases(b);
      ctx.core.charge(ctx.state, 'proofread', b.output_languages.length);
      const ids = b.output_languages.map((lang) => {
        const p: ProofreadJob = { id: newId(), title: b.title, createdMs: ctx.core.nowMs(), createdAt: ctx.core.nowSec(), outputLanguage: lang, inputLanguage: 'English', srtReplacedMs: null, generatedTranslationId: null };
        ctx.state.proofreads.set(p.id, p);
        return p.id;
      });
      return ok({ proofread_ids: ids, status: 'processing' });
    },
  },
  { method: 'GET', path: '/v3/video-translations/proofreads/{proofread_id}', handler: (ctx) => ok(proofreadView(ctx, requireProofread(ctx))) },
  {
    method: 'GET', path: '/v3/video-translations/proofreads/{proofread_id}/srt', handler: (ctx) => {
      const p = requireProofread(ctx);
      if (proofreadView(ctx, p)['status'] !== 'completed') throw new ApiError(409, 'conflict', 'Subtitles are not ready yet; wait until the proofread status is completed');
      return ok({ srt_url: ctx.core.fileUrl(`${p.id}_edited${p.srtReplacedMs ?? ''}`, 'captions.srt'), original_srt_url: ctx.core.fileUrl(`${p.id}_original`, 'captions.srt') });
    },
  },
  {
    method: 'PUT', path: '/v3/video-translations/proofreads/{proofread_id}/srt', handler: (ctx) => {
      const p = requireProofread(ctx);
      const b = parseBody(srtBody, ctx.body);
      checkMedia(ctx, b.srt, 'srt');
      if (proofreadView(ctx, p)['status'] !== 'completed') throw new ApiError(409, 'conflict', 'Subtitles can be replaced once the proofread is completed');
      p.srtReplacedMs = ctx.core.nowMs();
      return ok(proofreadView(ctx, p));
    },
  },
  {
    method: 'POST', path: '/v3/video-translations/proofreads/{proofread_id}/generate', handler: (ctx) => {
      const p = requireProofread(ctx);
      const b = parseBody(generateBody, ctx.body) ?? {};
      if (proofreadView(ctx, p)['status'] !== 'completed') throw new ApiError(409, 'conflict', 'The proofread is not ready for generation yet');
      if (p.generatedTranslationId) return ok({ video_translation_id: p.generatedTranslationId, status: 'processing' });
      ctx.core.charge(ctx.state, 'proofread_generate');
      const t = newTranslation(ctx, { outputLanguage: p.outputLanguage, title: p.title, audioOnly: !!b.translate_audio_only, captions: !!b.captions, callbackId: b.callback_id ?? null });
      p.generatedTranslationId = t.id;
      return ok({ video_translation_id: t.id, status: 'processing' });
    },
  },
];
