import { z } from 'zod';
import type { StudioScene, StudioVideoBody } from '../../heygen/api/videos.js';
import { defineTool } from '../define.js';
import { InputError } from '../errors.js';
import { videoStarted } from './created.js';
import {
  aspectRatio, assetInput, assetOf, captionOf, captions, createdOutput, expressiveness, heygenId, hexColour, httpsUrl, motionPrompt, pick, resolution, speechInput, speechOf, watermark, watermarkOf,
} from './shared-inputs.js';

/** One flat object per scene (a oneOf of four variants would triple the schema); `type` decides which fields apply. */
const scene = z.object({
  type: z.enum(['avatar', 'photo', 'image', 'video']).describe('avatar: talking avatar (avatar_id) · photo: talking photo (image) · image: a still (source), silent with duration or narrated · video: a clip (source).'),
  avatar_id: heygenId('avatar_id').optional(),
  image: assetInput.optional(),
  source: assetInput.optional(),
  ...speechInput,
  duration: z.number().positive().max(300).optional(),
  background_color: hexColour.optional(),
  engine: z.enum(['avatar_iv', 'avatar_v', 'avatar_iii']).optional(),
  reference_look_id: heygenId('reference_look_id').optional(),
  motion_prompt: motionPrompt.optional(),
  expressiveness: expressiveness.optional(),
  mute: z.boolean().optional(),
  volume: z.number().min(0).max(1).optional(),
});

type SceneArgs = z.output<typeof scene>;
const ONLY: Record<SceneArgs['type'], string[]> = {
  avatar: ['avatar_id', 'script', 'voice_id', 'audio_url', 'audio_asset_id', 'voice_settings', 'background_color', 'engine', 'reference_look_id', 'motion_prompt', 'expressiveness'],
  photo: ['image', 'script', 'voice_id', 'audio_url', 'audio_asset_id', 'voice_settings', 'motion_prompt', 'expressiveness'],
  image: ['source', 'duration', 'script', 'voice_id', 'audio_url', 'audio_asset_id', 'voice_settings'],
  video: ['source', 'mute', 'volume'],
};

function sceneOf(s: SceneArgs, i: number): StudioScene {
  const p = `scenes.${i}.`;
  for (const [k, v] of Object.entries(s)) {
    if (k !== 'type' && v !== undefined && !ONLY[s.type].includes(k)) throw new InputError(`${p}${k}`, `does not apply to a ${s.type} scene`);
  }
  const need = <T>(v: T | undefined, k: string): T => { if (v === undefined) throw new InputError(`${p}${k}`, `required for a ${s.type} scene`); return v; };
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
      return { type: 'avatar_video', input: { type: 'image', image: assetOf(need(s.image, 'image'), `${p}image`), ...speechOf(s, p, { voiceRequired: true }), ...pick(s, ['motion_prompt', 'expressiveness']) } };
    case 'image': {
      const speech = speechOf(s, p, { voiceRequired: true, optional: true });
      const narrated = Object.keys(speech).some((k) => k !== 'voice_settings');
      if (narrated && s.duration !== undefined) throw new InputError(`${p}duration`, 'a still is either silent (duration) or narrated (script or audio), not both');
      if (!narrated && s.duration === undefined) throw new InputError(`${p}duration`, 'give a duration (silent still) or a script / audio (narrated still)');
      return { type: 'image', source: assetOf(need(s.source, 'source'), `${p}source`), ...pick(s, ['duration']), ...speech };
    }
    case 'video': {
      const playback = pick(s, ['mute', 'volume']);
      return { type: 'video', source: assetOf(need(s.source, 'source'), `${p}source`), ...(Object.keys(playback).length ? { playback } : {}) };
    }
  }
}

export default defineTool({
  name: 'create_studio_video',
  title: 'Create multi-scene studio video',
  description: 'Render a video from 1–50 scenes in order: talking avatars, talking photos, stills and clips, each with its own voice and background. Spends HeyGen credits. Follow with wait_for_job.',
  toolset: 'videos',
  kind: 'create',
  spendsCredits: true,
  hints: { recoverWith: 'list_videos', idsFrom: 'list_avatar_looks' },
  input: {
    scenes: z.array(scene).min(1).max(50),
    aspect_ratio: aspectRatio.optional().describe('Default 16:9; scenes are centre-cropped.'),
    resolution: resolution.optional(),
    captions: captions.optional(),
    watermark: watermark.optional(),
    title: z.string().trim().min(1).max(200).optional(),
    callback_url: httpsUrl.optional(),
    callback_id: z.string().min(1).max(200).optional(),
  },
  output: createdOutput,
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
