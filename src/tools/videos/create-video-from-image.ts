import { z } from 'zod';
import type { AssetInput, ImageVideoBody } from '../../heygen/api/videos.js';
import { defineTool } from '../define.js';
import { InputError } from '../errors.js';
import { videoStarted } from './created.js';
import {
  aspectRatio, backgroundInput, backgroundOf, captionOf, captions, createdOutput, expressiveness, heygenId, httpsUrl, motionPrompt, pick, resolution, speechInput, speechOf, watermark, watermarkOf,
} from './shared-inputs.js';

export default defineTool({
  name: 'create_video_from_image',
  title: 'Animate a photo into a talking video',
  description: 'Animate one photo of a person (Avatar IV) speaking a script or lip-syncing audio, no avatar needed. Spends HeyGen credits. Returns at once; follow with wait_for_job.',
  toolset: 'videos',
  kind: 'create',
  spendsCredits: true,
  hints: { recoverWith: 'list_videos', idsFrom: 'list_voices' },
  input: {
    image_url: httpsUrl.optional().describe('One of image_url, image_asset_id, image_base64.'),
    image_asset_id: heygenId('image_asset_id').optional(),
    image_base64: z.string().min(1).max(14_000_000).optional(),
    image_media_type: z.enum(['image/png', 'image/jpeg', 'image/webp']).optional(),
    ...speechInput,
    voice_id: speechInput.voice_id.describe('Required with a script.'),
    aspect_ratio: aspectRatio.default('auto').describe("Default auto: the photo's frame."),
    resolution: resolution.optional(),
    captions: captions.optional(),
    ...backgroundInput,
    output_format: z.enum(['mp4', 'webm']).optional().describe('webm: transparent.'),
    remove_background: z.boolean().optional(),
    fit: z.enum(['contain', 'cover']).optional(),
    motion_prompt: motionPrompt.optional(),
    expressiveness: expressiveness.optional(),
    watermark: watermark.optional(),
    title: z.string().trim().min(1).max(200).optional(),
    callback_url: httpsUrl.optional(),
    callback_id: z.string().min(1).max(200).optional(),
  },
  output: createdOutput,
  async handler(a, ctx) {
    const background = backgroundOf(a, a.output_format);
    const caption = captionOf(a.captions);
    const mark = watermarkOf(a.watermark);
    const body: ImageVideoBody = {
      type: 'image',
      image: imageOf(a),
      ...speechOf(a, '', { voiceRequired: true }),
      ...pick(a, ['aspect_ratio', 'resolution', 'output_format', 'remove_background', 'fit', 'motion_prompt', 'expressiveness', 'title', 'callback_url', 'callback_id']),
      ...(background ? { background } : {}),
      ...(caption ? { caption } : {}),
      ...(mark ? { watermark: mark } : {}),
    };
    return videoStarted(ctx, 'create_video_from_image', await ctx.heygen.videos.create(body, ctx.call));
  },
});

function imageOf(a: { image_url?: string | undefined; image_asset_id?: string | undefined; image_base64?: string | undefined; image_media_type?: string | undefined }): AssetInput {
  const given = (['image_url', 'image_asset_id', 'image_base64'] as const).filter((k) => a[k] !== undefined);
  if (given.length !== 1) throw new InputError(given[1] ?? 'image_url', given.length ? `give only one of image_url, image_asset_id, image_base64 (got ${given.join(' and ')})` : 'give the photo as image_url, image_asset_id or image_base64');
  if (a.image_media_type && !a.image_base64) throw new InputError('image_media_type', 'only used with image_base64');
  if (a.image_url) return { type: 'url', url: a.image_url };
  if (a.image_asset_id) return { type: 'asset_id', asset_id: a.image_asset_id };
  if (!a.image_media_type) throw new InputError('image_media_type', 'required with image_base64 (image/png, image/jpeg or image/webp)');
  return { type: 'base64', media_type: a.image_media_type, data: a.image_base64 as string };
}
