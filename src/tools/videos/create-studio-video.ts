import { z } from 'zod';
import type { StudioScene, StudioVideoBody } from '../../heygen/api/videos.js';
import { defineTool } from '../define.js';
import { InputError } from '../../errors.js';
import { heygenId, httpsUrl } from '../fields.js';
import { IMAGE, media, VIDEO } from '../media.js';
import { videoStarted } from './created.js';
import {
  aspectRatio, callbackId, captionOf, captions, createdOutput, expressiveness, hexColour, nestedText, pick, SCRIPT_MAX, resolution, speechInput, speechOf, title, watermark, watermarkOf, within,
} from './shared-inputs.js';

/** One flat object per scene (a oneOf of four variants would triple the schema); `type` decides which fields apply. */
const scene = z.object({
  type: z.enum(['avatar', 'photo', 'image', 'video']),
  avatar_id: heygenId().optional(),
  source: media({ inline: [...IMAGE, ...VIDEO], nested: true }).optional(),
  ...speechInput,
  script: nestedText(SCRIPT_MAX).optional(),
  audio: media({ nested: true }).optional(),
  duration: z.number().refine((v) => v > 0 && v <= 300, 'seconds, above 0, at most 300').optional(),
  background_color: hexColour.optional(),
  engine: z.enum(['avatar_iv', 'avatar_v', 'avatar_iii']).optional(),
  reference_look_id: heygenId().optional(),
  motion_prompt: nestedText(1000).optional(),
  expressiveness: expressiveness.optional(),
  mute: z.boolean().optional(),
  volume: within(0, 1).optional(),
}).describe('image: duration or speech');

type SceneArgs = z.output<typeof scene>;
const ONLY: Record<SceneArgs['type'], string[]> = {
  avatar: ['avatar_id', 'script', 'voice_id', 'audio', 'voice_settings', 'background_color', 'engine', 'reference_look_id', 'motion_prompt', 'expressiveness'],
  photo: ['source', 'script', 'voice_id', 'audio', 'voice_settings', 'motion_prompt', 'expressiveness'],
  image: ['source', 'duration', 'script', 'voice_id', 'audio', 'voice_settings'],
  video: ['source', 'mute', 'volume'],
};

function sceneOf(s: SceneArgs, i: number): StudioScene {
  const p = `scenes.${i}.`;
  for (const [k, v] of Object.entries(s)) {
    if (k !== 'type' && v !== undefined && !ONLY[s.type].includes(k)) throw new InputError(`${p}${k}`, `does not apply to a ${s.type} scene`);
  }
  const need = <T>(v: T | undefined, k: string): T => { if (v === undefined) throw new InputError(`${p}${k}`, `required for a ${s.type} scene`); return v; };
  // The source field takes images and videos inline; each scene type takes one of the two.
  const source = (kinds: readonly string[], what: string) => {
    const m = need(s.source, 'source');
    if (m.type === 'base64' && !kinds.includes(m.media_type)) throw new InputError(`${p}source`, `${s.type === 'image' ? 'an' : 'a'} ${s.type} scene takes ${what} (the bytes are ${m.media_type})`);
    return m;
  };
  switch (s.type) {
    case 'avatar': {
      if (s.reference_look_id && s.engine !== 'avatar_v') throw new InputError(`${p}reference_look_id`, 'only used with engine avatar_v');
      if (s.expressiveness && (s.engine === 'avatar_v' || s.engine === 'avatar_iii')) throw new InputError(`${p}expressiveness`, `not supported with engine ${s.engine}`);
      const engine = !s.engine ? undefined : s.engine === 'avatar_v' ? { type: 'avatar_v' as const, ...pick(s, ['reference_look_id']) } : { type: s.engine };
      return {
        type: 'avatar_video',
        input: {
          type: 'avatar', avatar_id: need(s.avatar_id, 'avatar_id'), ...speechOf(s, p), ...pick(s, ['motion_prompt', 'expressiveness']),
          ...(engine ? { engine } : {}),
          ...(s.background_color ? { background: { type: 'color', color: s.background_color } } : {}),
        },
      };
    }
    case 'photo':
      return { type: 'avatar_video', input: { type: 'image', image: source(IMAGE, 'a PNG or JPEG image'), ...speechOf(s, p, { voiceRequired: true }), ...pick(s, ['motion_prompt', 'expressiveness']) } };
    case 'image': {
      const speech = speechOf(s, p, { voiceRequired: true, optional: true });
      const narrated = Object.keys(speech).some((k) => k !== 'voice_settings');
      if (narrated && s.duration !== undefined) throw new InputError(`${p}duration`, 'a still is either silent (duration) or narrated (script or audio), not both');
      if (!narrated && s.duration === undefined) throw new InputError(`${p}duration`, 'give a duration (silent still) or a script / audio (narrated still)');
      return { type: 'image', source: source(IMAGE, 'a PNG or JPEG image'), ...pick(s, ['duration']), ...speech };
    }
    case 'video': {
      const playback = pick(s, ['mute', 'volume']);
      return { type: 'video', source: source(VIDEO, 'an MP4 or WebM video'), ...(Object.keys(playback).length ? { playback } : {}) };
    }
  }
}

export default defineTool({
  name: 'create_studio_video',
  title: 'Create studio video',
  description: 'Join 1–50 scenes: talking avatar or photo, still image, video clip; source: https URL, asset id or data: URI. Spends HeyGen credits.',
  toolset: 'videos',
  kind: 'create',
  spendsCredits: true,
  task: 'starts-job',
  hints: { recoverWith: 'list_videos', idsFrom: 'list_avatar_looks' },
  input: () => ({
    // 1–50, said in the description rather than advertised twice.
    scenes: z.array(scene).refine((v) => v.length >= 1 && v.length <= 50, '1 to 50 scenes'),
    aspect_ratio: aspectRatio.optional(),
    resolution: resolution.optional(),
    captions: captions.optional(),
    watermark: watermark.optional(),
    title: title().optional(),
    callback_url: httpsUrl().optional(),
    callback_id: callbackId().optional(),
  }),
  output: () => createdOutput,
  async handler(a, ctx) {
    const caption = captionOf(a.captions);
    const mark = watermarkOf(a.watermark);
    const body: StudioVideoBody = {
      type: 'studio',
      scenes: a.scenes.map(sceneOf),
      ...pick(a, ['aspect_ratio', 'resolution', 'title', 'callback_url', 'callback_id']),
      ...(caption ? { caption } : {}),
      ...(mark ? { watermark: mark } : {}),
    };
    return videoStarted(ctx, 'create_studio_video', await ctx.heygen.videos.create(body, ctx.call));
  },
});
