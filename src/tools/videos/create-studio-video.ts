import { z } from 'zod';
import type { AssetInput, StudioScene, StudioVideoBody } from '../../heygen/api/videos.js';
import { defineTool } from '../define.js';
import { InputError } from '../errors.js';
import { videoStarted } from './created.js';
import {
  aspectRatio, assetInput, captionOf, captions, createdOutput, expressiveness, heygenId, httpsUrl, motionPrompt, pick, resolution, speechInput, speechOf, watermark, watermarkOf,
} from './shared-inputs.js';

const scene = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('avatar'),
    avatar_id: heygenId('avatar_id'),
    ...speechInput,
    background_color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a hex colour like #1A2B3C').optional(),
    engine: z.enum(['avatar_iv', 'avatar_v', 'avatar_iii']).optional(),
    reference_look_id: heygenId('reference_look_id').optional(),
    motion_prompt: motionPrompt.optional(),
    expressiveness: expressiveness.optional(),
  }),
  z.object({ type: z.literal('photo'), image: assetInput, ...speechInput, motion_prompt: motionPrompt.optional(), expressiveness: expressiveness.optional() }),
  z.object({ type: z.literal('image'), source: assetInput, duration: z.number().positive().max(300).optional().describe('Silent scene length (s); or narrate it instead.'), ...speechInput }),
  z.object({ type: z.literal('video'), source: assetInput, mute: z.boolean().optional(), volume: z.number().min(0).max(1).optional() }),
]).describe('avatar: a talking avatar · photo: a talking photo · image: a still, silent (duration) or narrated · video: a clip.');

type SceneArgs = z.output<typeof scene>;

function sceneOf(s: SceneArgs, i: number): StudioScene {
  const p = `scenes.${i}.`;
  switch (s.type) {
    case 'avatar': {
      if (s.reference_look_id && s.engine !== 'avatar_v') throw new InputError(`${p}reference_look_id`, 'only used with engine avatar_v');
      if (s.expressiveness && (s.engine === 'avatar_v' || s.engine === 'avatar_iii')) throw new InputError(`${p}expressiveness`, `not supported with engine ${s.engine}`);
      const engine = !s.engine ? undefined : s.engine === 'avatar_v' ? { type: 'avatar_v' as const, ...pick(s, ['reference_look_id']) } : { type: s.engine };
      return {
        type: 'avatar_video',
        input: {
          type: 'avatar', avatar_id: s.avatar_id, ...speechOf(s, p), ...pick(s, ['motion_prompt', 'expressiveness']),
          ...(engine ? { engine } : {}),
          ...(s.background_color ? { background: { type: 'color', color: s.background_color } } : {}),
        },
      };
    }
    case 'photo':
      return { type: 'avatar_video', input: { type: 'image', image: s.image as AssetInput, ...speechOf(s, p, { voiceRequired: true }), ...pick(s, ['motion_prompt', 'expressiveness']) } };
    case 'image': {
      const speech = speechOf(s, p, { voiceRequired: true, optional: true });
      const narrated = Object.keys(speech).some((k) => k !== 'voice_settings');
      if (narrated && s.duration !== undefined) throw new InputError(`${p}duration`, 'a still is either silent (duration) or narrated (script or audio), not both');
      if (!narrated && s.duration === undefined) throw new InputError(`${p}duration`, 'give a duration (silent still) or a script / audio (narrated still)');
      return { type: 'image', source: s.source as AssetInput, ...pick(s, ['duration']), ...speech };
    }
    case 'video': {
      const playback = pick(s, ['mute', 'volume']);
      return { type: 'video', source: s.source as AssetInput, ...(Object.keys(playback).length ? { playback } : {}) };
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
    aspect_ratio: aspectRatio.optional().describe('Canvas for every scene (default 16:9; scenes are centre-cropped).'),
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
