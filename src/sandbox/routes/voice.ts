import { z } from 'zod';
import type { VoiceRec } from '../catalog.js';
import { ApiError, badParam, notFound } from '../errors.js';
import { ok, page, type Ctx, type RouteDef } from '../http-server.js';
import { DURATIONS, FAILURES, newId, phaseAt } from '../jobs.js';
import { enumParam, mediaInput, nonEmpty, opt, paginate, parseBody, str } from '../validate.js';
import { checkMedia, findVoice } from './common.js';

const cloneBody = z.object({ voice_name: z.string().min(1).max(100), audio: mediaInput, language: opt(str), remove_background_noise: z.boolean().optional() });
const designBody = z.object({ prompt: z.string().min(1).max(1000), gender: opt(str), locale: opt(str), seed: z.number().int().min(0).optional() });
const speechBody = z.object({
  text: z.string().min(1).max(5000), voice_id: nonEmpty, input_type: z.enum(['text', 'ssml']).optional(),
  speed: z.number().min(0.5).max(2).optional(), language: opt(str), locale: opt(str),
});

function cloneStatus(ctx: Ctx, v: VoiceRec): string | null {
  if (!v.clone) return v.type === 'private' ? 'complete' : null;
  const ps = phaseAt([['processing', DURATIONS.voiceClone]], ctx.core.elapsed(v.clone.createdMs), 'complete');
  return ps.done ? (ctx.core.outcome(v.voice_id) === 'failed' ? 'failed' : 'complete') : ps.status;
}

const listView = (ctx: Ctx, v: VoiceRec) => ({
  voice_id: v.voice_id, name: v.name, gender: v.gender, language: v.language, type: v.type,
  support_pause: v.support_pause, support_locale: v.support_locale,
  preview_audio_url: ctx.core.fileUrl(v.voice_id, 'speech.mp3'),
});

export const voiceRoutes: RouteDef[] = [
  {
    method: 'GET', path: '/v3/voices', handler: (ctx) => {
      const type = enumParam(ctx.query, 'type', ['public', 'private'] as const) ?? 'public';
      const engine = ctx.query['engine']?.toLowerCase();
      const language = ctx.query['language']?.toLowerCase();
      const gender = ctx.query['gender']?.toLowerCase();
      const pool = type === 'public' ? ctx.core.catalog.voices
        : [...ctx.state.voices.values()].filter((v) => !ctx.state.deletedVoices.has(v.voice_id) && cloneStatus(ctx, v) === 'complete').reverse();
      const items = pool.filter((v) => (!engine || v.engines.includes(engine))
        && (!language || v.language.toLowerCase() === language || v.locale.toLowerCase() === language)
        && (!gender || v.gender === gender));
      const p = paginate(items, ctx.query, `voices|${type}|${engine ?? ''}|${language ?? ''}|${gender ?? ''}`, { max: 100, def: 20 });
      return page({ ...p, data: p.data.map((v) => listView(ctx, v)) });
    },
  },
  {
    method: 'GET', path: '/v3/voices/{voice_id}', handler: (ctx) => {
      const id = ctx.params['voice_id'] ?? '';
      const v = findVoice(ctx, id);
      if (!v) throw notFound('voice_not_found', 'Voice', id);
      const status = cloneStatus(ctx, v);
      return ok({
        voice_id: v.voice_id, name: v.name, gender: v.gender, language: v.language, created_at: v.created_at,
        preview_audio_url: status === null || status === 'complete' ? ctx.core.fileUrl(v.voice_id, 'speech.mp3') : null,
        support_pause: v.support_pause, support_interactive_avatar: v.support_interactive_avatar,
        status, failure_message: status === 'failed' ? (FAILURES['voice'] as string[])[1] : null,
      });
    },
  },
  {
    method: 'DELETE', path: '/v3/voices/{voice_id}', handler: (ctx) => {
      const id = ctx.params['voice_id'] ?? '';
      const v = ctx.state.voices.get(id);
      if (!v || ctx.state.deletedVoices.has(id)) {
        if (ctx.core.catalog.voiceById.has(id)) throw new ApiError(403, 'forbidden', 'Public voices cannot be deleted');
        throw notFound('voice_not_found', 'Voice', id);
      }
      ctx.state.deletedVoices.add(id);
      return ok({ voice_id: id });
    },
  },
  {
    method: 'POST', path: '/v3/voices/clone', handler: (ctx) => {
      const b = parseBody(cloneBody, ctx.body);
      checkMedia(ctx, b.audio, 'audio');
      ctx.core.charge(ctx.state, 'voice_clone');
      const id = newId();
      ctx.state.voices.set(id, {
        voice_id: id, name: b.voice_name, gender: 'female', language: b.language ?? 'English', locale: 'en-US', type: 'private',
        engines: ['starfish', 'elevenlabs'], support_pause: true, support_locale: false, support_interactive_avatar: false,
        created_at: ctx.core.nowSec(), owner: ctx.key, clone: { createdMs: ctx.core.nowMs(), name: b.voice_name },
      });
      return ok({ voice_clone_id: id });
    },
  },
  {
    method: 'POST', path: '/v3/voices', handler: (ctx) => {
      const b = parseBody(designBody, ctx.body);
      const seed = b.seed ?? 0;
      const words = b.prompt.toLowerCase();
      const gender = b.gender?.toLowerCase() ?? (/\b(female|woman|girl|she|her)\b/.test(words) ? 'female' : /\b(male|man|guy|he|his)\b/.test(words) ? 'male' : undefined);
      const locale = b.locale?.toLowerCase();
      const lang = ctx.core.catalog.voices.find((v) => words.includes(v.language.toLowerCase()))?.language;
      let pool = ctx.core.catalog.voices.filter((v) => (!gender || v.gender === gender) && (!locale || v.locale.toLowerCase() === locale) && (!lang || v.language === lang) && (locale || lang || v.language === 'English'));
      if (pool.length === 0) pool = ctx.core.catalog.voices.filter((v) => v.language === 'English');
      const tone = pool.filter((v) => words.includes(v.name.split(' - ')[1]?.toLowerCase() ?? '\u0000'));
      const ranked = [...tone, ...pool.filter((v) => !tone.includes(v))];
      const start = (seed * 3) % Math.max(1, ranked.length);
      const voices = [0, 1, 2].map((i) => ranked[(start + i) % ranked.length]).filter((v): v is VoiceRec => !!v);
      return ok({
        seed,
        voices: [...new Set(voices)].map((v) => ({ ...listView(ctx, v), support_locale: v.support_locale })),
      });
    },
  },
  {
    method: 'POST', path: '/v3/voices/speech', handler: (ctx) => {
      const b = parseBody(speechBody, ctx.body);
      const v = findVoice(ctx, b.voice_id);
      if (!v) throw new ApiError(404, 'voice_not_found', `Voice '${b.voice_id}' was not found`, 'voice_id');
      if (!v.engines.includes('starfish')) throw new ApiError(400, 'voice_not_usable', `Voice '${b.voice_id}' does not support the starfish engine; pick one from GET /v3/voices?engine=starfish`, 'voice_id');
      if (v.clone && cloneStatus(ctx, v) !== 'complete') throw new ApiError(400, 'voice_not_usable', 'The voice clone is not complete yet', 'voice_id');
      if (b.input_type === 'ssml' && !/^\s*<speak[\s>]/.test(b.text)) throw badParam('text', "'text' must be an SSML document starting with <speak> when input_type is ssml");
      ctx.core.charge(ctx.state, 'speech');
      const plain = b.input_type === 'ssml' ? b.text.replace(/<[^>]+>/g, ' ') : b.text;
      const words = plain.split(/\s+/).filter(Boolean);
      const per = 0.4 / (b.speed ?? 1);
      const requestId = newId(8);
      return ok({
        audio_url: ctx.core.fileUrl(`speech_${requestId}`, 'speech.mp3'),
        duration: Math.round(Math.max(0.5, words.length * per) * 100) / 100,
        request_id: requestId,
        word_timestamps: words.map((word, i) => ({ word, start: Math.round(i * per * 1000) / 1000, end: Math.round((i + 1) * per * 1000) / 1000 })),
      });
    },
  },
];
