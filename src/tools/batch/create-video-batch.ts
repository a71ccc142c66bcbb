import { z } from 'zod';
import { defineTool } from '../define.js';
import { InputError } from '../../errors.js';
import { batchEnvelope, batchStarted, submittedOutput } from './batch-fields.js';

/** What each video type needs at least; HeyGen validates the values of each body and names the field. */
const REQUIRED: Record<string, string[]> = { avatar: ['avatar_id'], image: ['image'], cinematic_avatar: ['avatar_id', 'prompt'], studio: ['scenes'] };

/** The top-level fields of each POST /v3/videos variant: anything else is refused before sending. */
const SHARED = ['type', 'title', 'callback_id', 'callback_url', 'aspect_ratio', 'resolution', 'caption'];
const SPOKEN = [...SHARED, 'script', 'voice_id', 'voice_settings', 'audio_url', 'audio_asset_id', 'background', 'expressiveness', 'fit', 'motion_prompt', 'output_format', 'remove_background', 'watermark'];
const FIELDS: Record<string, Set<string>> = {
  avatar: new Set([...SPOKEN, 'avatar_id', 'engine']),
  image: new Set([...SPOKEN, 'image']),
  cinematic_avatar: new Set(['type', 'title', 'aspect_ratio', 'resolution', 'avatar_id', 'prompt', 'duration', 'auto_duration', 'enhance_prompt', 'references']),
  studio: new Set([...SHARED, 'scenes', 'watermark']),
};

export default defineTool({
  name: 'create_video_batch',
  title: 'Create up to 100 videos',
  description: 'Submit 1–100 videos at once; each item is a POST /v3/videos body (type avatar, image, cinematic_avatar or studio). Spends HeyGen credits.',
  toolset: 'batch',
  kind: 'create',
  spendsCredits: true,
  hints: { recoverWith: 'list_videos' },
  input: () => ({
    videos: z.array(z.looseObject({ type: z.enum(['avatar', 'image', 'cinematic_avatar', 'studio']) })).min(1).max(100),
    ...batchEnvelope,
  }),
  output: () => submittedOutput,
  async handler(a, ctx) {
    a.videos.forEach((v, i) => {
      const missing = (REQUIRED[v.type] ?? []).find((k) => v[k] === undefined || v[k] === null);
      if (missing) throw new InputError(`videos[${i}].${missing}`, `is required for type ${v.type}`);
      const extra = Object.keys(v).find((k) => !FIELDS[v.type]?.has(k));
      if (extra) throw new InputError(`videos[${i}].${extra}`, `is not a field of a type ${v.type} POST /v3/videos body`);
    });
    const r = await ctx.heygen.batches.createVideos({ videos: a.videos, ...(a.title ? { title: a.title } : {}), ...(a.callback_url ? { callback_url: a.callback_url } : {}) }, ctx.call);
    return batchStarted(ctx, 'video', 'create_video_batch', r, a.videos.length);
  },
});
