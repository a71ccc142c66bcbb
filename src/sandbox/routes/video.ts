import { z } from 'zod';
import { badParam, notFound } from '../errors.js';
import { ok, page, type Ctx, type RouteDef } from '../http-server.js';
import { newId, type VideoJob } from '../jobs.js';
import {
  aspectRatio, avatarEngine, caption, exclusive, expressiveness, mediaInput, nonEmpty, opt, paginate, parseBody, str, voiceSettings, watermark,
} from '../validate.js';
import { checkMedia, newVideo, orientationOf, requireLook, requireVoice, videoView } from './common.js';

const background = z.object({ type: z.enum(['color', 'image']), value: opt(str), url: opt(str), asset_id: opt(str) });
const common = {
  title: opt(str), callback_id: opt(str), callback_url: opt(str),
  aspect_ratio: opt(aspectRatio), resolution: opt(z.enum(['4k', '1080p', '720p'])),
  caption: opt(caption),
};
const speech = {
  script: opt(z.string().min(1).max(5000)), voice_id: opt(nonEmpty), audio_url: opt(str), audio_asset_id: opt(nonEmpty),
  voice_settings: opt(voiceSettings), expressiveness: opt(expressiveness), motion_prompt: opt(str),
};
const avatarVideo = z.object({
  type: z.literal('avatar'), avatar_id: nonEmpty, ...common, ...speech,
  background: opt(background), engine: opt(avatarEngine), fit: opt(z.enum(['contain', 'cover'])),
  output_format: z.enum(['mp4', 'webm']).optional(), remove_background: opt(z.boolean()), watermark: opt(watermark),
});
const imageVideo = z.object({
  type: z.literal('image'), image: mediaInput, ...common, ...speech,
  background: opt(background), fit: opt(z.enum(['contain', 'cover'])),
  output_format: z.enum(['mp4', 'webm']).optional(), remove_background: opt(z.boolean()), watermark: opt(watermark),
});
const cinematic = z.object({
  type: z.literal('cinematic_avatar'), avatar_id: z.array(nonEmpty).min(1), prompt: z.string().min(1),
  aspect_ratio: aspectRatio.optional(), auto_duration: z.boolean().optional(), duration: opt(z.number().int().min(1).max(60)),
  enhance_prompt: z.boolean().optional(), references: opt(z.array(mediaInput)), resolution: z.enum(['720p', '1080p']).optional(), title: opt(str),
});
const sceneSpeech = { script: opt(z.string().min(1).max(5000)), voice_id: opt(nonEmpty), audio_url: opt(str), audio_asset_id: opt(nonEmpty), voice_settings: opt(voiceSettings) };
const sceneInput = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('avatar'), avatar_id: nonEmpty, ...sceneSpeech, expressiveness: opt(expressiveness), motion_prompt: opt(str),
    engine: opt(avatarEngine), background: opt(z.discriminatedUnion('type', [z.object({ type: z.literal('color'), color: nonEmpty })])),
  }),
  z.object({ type: z.literal('image'), image: mediaInput, ...sceneSpeech, expressiveness: opt(expressiveness), motion_prompt: opt(str) }),
]);
const scene = z.discriminatedUnion('type', [
  z.object({ type: z.literal('avatar_video'), input: sceneInput }),
  z.object({ type: z.literal('image'), source: mediaInput, duration: opt(z.number().positive()), ...sceneSpeech }),
  z.object({ type: z.literal('video'), source: mediaInput, playback: opt(z.object({ mute: z.boolean().optional(), volume: z.number().min(0).max(1).optional() })) }),
]);
const studio = z.object({ type: z.literal('studio'), ...common, scenes: z.array(scene).min(1).max(50), watermark: opt(watermark) });
export const videoCreate = z.discriminatedUnion('type', [avatarVideo, imageVideo, cinematic, studio]);
type VideoBody = z.output<typeof videoCreate>;

type SpeechFields = { script?: string | null; voice_id?: string | null; audio_url?: string | null; audio_asset_id?: string | null };

/** script XOR audio_url XOR audio_asset_id; script needs a voice (or the avatar's default). */
function checkSpeech(ctx: Ctx, o: SpeechFields, prefix: string, defaultVoice: string | null, required: boolean): number {
  const name = (k: string) => (prefix ? `${prefix}.${k}` : k);
  const which = exclusive(o as Record<string, unknown>, ['script', 'audio_url', 'audio_asset_id'], prefix, required);
  if (o.audio_asset_id) checkMedia(ctx, { type: 'asset_id', asset_id: o.audio_asset_id }, name('audio'));
  if (which === 'script') {
    if (o.voice_id) requireVoice(ctx, o.voice_id, name('voice_id'));
    else if (!defaultVoice) throw badParam(name('voice_id'), `'${name('voice_id')}' is required when '${name('script')}' is given`);
    return Math.max(2, (o.script ?? '').split(/\s+/).length / 2.5);
  }
  if (o.voice_id && which) throw badParam(name('voice_id'), `'${name('voice_id')}' only applies together with '${name('script')}'`);
  return 3;
}

function checkEngineRules(o: { motion_prompt?: string | null; expressiveness?: string | null; engine?: { type: string } | null }, lookType: string | null, prefix: string): void {
  const name = (k: string) => (prefix ? `${prefix}.${k}` : k);
  const engine = o.engine?.type ?? 'avatar_iv';
  if (o.motion_prompt && lookType && lookType !== 'photo_avatar' && engine === 'avatar_iv') {
    throw badParam(name('motion_prompt'), `'${name('motion_prompt')}' is not supported for video avatars on the avatar_iv engine`);
  }
  if (o.expressiveness && engine === 'avatar_v') throw badParam(name('expressiveness'), `'${name('expressiveness')}' is not supported with engine avatar_v`);
}

function checkBackground(ctx: Ctx, b: z.output<typeof background> | null | undefined): void {
  if (!b) return;
  if (b.type === 'color') {
    if (!b.value) throw badParam('background.value', "'background.value' is required for a color background");
    if (!/^#?[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$/.test(b.value)) throw badParam('background.value', "'background.value' must be a hex colour like #FFFFFF");
  } else {
    exclusive(b as Record<string, unknown>, ['url', 'asset_id'], 'background', true);
    if (b.asset_id) checkMedia(ctx, { type: 'asset_id', asset_id: b.asset_id }, 'background');
  }
}

function validateVideo(ctx: Ctx, b: VideoBody): { orientation: 'landscape' | 'portrait'; duration: number } {
  switch (b.type) {
    case 'avatar': {
      const look = requireLook(ctx, b.avatar_id);
      if (b.engine && !look.supported_api_engines.includes(b.engine.type)) {
        throw badParam('engine.type', `Avatar '${look.id}' does not support engine '${b.engine.type}' (supported: ${look.supported_api_engines.join(', ')})`);
      }
      checkEngineRules(b, look.avatar_type, '');
      checkBackground(ctx, b.background);
      if (b.watermark) checkMedia(ctx, b.watermark.image, 'watermark.image');
      const duration = checkSpeech(ctx, b, '', look.default_voice_id, true);
      return { orientation: orientationOf(b.aspect_ratio, look.preferred_orientation === 'portrait' ? 'portrait' : 'landscape'), duration };
    }
    case 'image': {
      checkMedia(ctx, b.image, 'image');
      checkEngineRules(b, 'photo_avatar', '');
      checkBackground(ctx, b.background);
      return { orientation: orientationOf(b.aspect_ratio), duration: checkSpeech(ctx, b, '', null, true) };
    }
    case 'cinematic_avatar': {
      b.avatar_id.forEach((id, i) => requireLook(ctx, id, `avatar_id.${i}`));
      b.references?.forEach((r, i) => checkMedia(ctx, r, `references.${i}`));
      return { orientation: orientationOf(b.aspect_ratio), duration: b.duration ?? 8 };
    }
    case 'studio': {
      let duration = 0;
      b.scenes.forEach((s, i) => {
        const p = `scenes.${i}`;
        if (s.type === 'avatar_video') {
          const inp = s.input;
          if (inp.type === 'avatar') {
            const look = requireLook(ctx, inp.avatar_id, `${p}.input.avatar_id`);
            checkEngineRules(inp, look.avatar_type, `${p}.input`);
            duration += checkSpeech(ctx, inp, `${p}.input`, look.default_voice_id, true);
          } else {
            checkMedia(ctx, inp.image, `${p}.input.image`);
            duration += checkSpeech(ctx, inp, `${p}.input`, null, true);
          }
        } else if (s.type === 'image') {
          checkMedia(ctx, s.source, `${p}.source`);
          const narrated = s.script ?? s.audio_url ?? s.audio_asset_id;
          if (s.duration !== undefined && s.duration !== null && narrated) {
            throw badParam(`${p}.duration`, `'${p}.duration' cannot be combined with narration (script or audio) — a still-image scene is either silent or narrated`);
          }
          if (s.duration !== undefined && s.duration !== null && s.duration > 300) throw badParam(`${p}.duration`, `'${p}.duration' must be at most 300 seconds`);
          duration += narrated ? checkSpeech(ctx, s, p, null, false) : (s.duration ?? 5);
        } else {
          checkMedia(ctx, s.source, `${p}.source`);
          duration += 5;
        }
      });
      return { orientation: orientationOf(b.aspect_ratio), duration };
    }
  }
}

export function createVideo(ctx: Ctx, b: VideoBody): VideoJob {
  const { orientation, duration } = validateVideo(ctx, b);
  ctx.core.charge(ctx.state, 'video');
  const format = 'output_format' in b && b.output_format === 'webm' ? 'webm' : 'mp4';
  return newVideo(ctx.core, ctx.state, {
    id: newId(), title: b.title ?? null, orientation, format,
    captions: 'caption' in b && !!b.caption, durationSec: Math.round(duration * 10) / 10,
    callbackId: 'callback_id' in b ? b.callback_id ?? null : null,
  });
}

export const videoRoutes: RouteDef[] = [
  {
    method: 'POST', path: '/v3/videos', handler: (ctx) => {
      const b = parseBody(videoCreate, ctx.body);
      const v = createVideo(ctx, b);
      return ok({ video_id: v.id, status: 'waiting', output_format: v.format });
    },
  },
  {
    method: 'GET', path: '/v3/videos', handler: (ctx) => {
      const folder = ctx.query['folder_id'];
      const title = ctx.query['title']?.toLowerCase();
      const items = [...ctx.state.videos.values()].reverse()
        .filter((v) => (!folder || v.folderId === folder) && (!title || (v.title ?? '').toLowerCase().includes(title)));
      const p = paginate(items, ctx.query, `videos|${folder ?? ''}|${title ?? ''}`, { max: 100, def: 10 });
      return page({ ...p, data: p.data.map((v) => videoView(ctx.core, v)) });
    },
  },
  {
    method: 'GET', path: '/v3/videos/{video_id}', handler: (ctx) => {
      const v = ctx.state.videos.get(ctx.params['video_id'] ?? '');
      if (!v) throw notFound('video_not_found', 'Video', ctx.params['video_id'] ?? '');
      return ok(videoView(ctx.core, v));
    },
  },
  {
    method: 'DELETE', path: '/v3/videos/{video_id}', handler: (ctx) => {
      const id = ctx.params['video_id'] ?? '';
      if (!ctx.state.videos.delete(id)) throw notFound('video_not_found', 'Video', id);
      return ok({ id, deleted: true });
    },
  },
];

export const userRoutes: RouteDef[] = [
  {
    method: 'GET', path: '/v3/users/me', handler: (ctx) => {
      const s = ctx.state;
      // The tail of the key names the account; the default key `sk_sandbox` has no tail of its
      // own once the prefix and the word "sandbox" are dropped, so it is plain `sandbox_user`.
      const local = s.key.replace(/^sk_/i, '').replace(/sandbox/gi, '').replace(/[^a-z0-9]/gi, '').slice(-6).toLowerCase() || 'user';
      return ok({
        username: `sandbox_${local}`, email: `sandbox+${local}@example.com`, first_name: 'Sandy', last_name: 'Box',
        billing_type: 'wallet',
        wallet: { currency: 'usd', remaining_balance: s.balanceUsd, auto_reload: { enabled: false, amount_usd: null, threshold_usd: null } },
        subscription: null, usage_based: null,
      });
    },
  },
];
