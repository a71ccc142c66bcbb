import { z } from 'zod';
import type { ImageVideoBody } from '../../heygen/api/videos.js';
import { defineTool } from '../define.js';
import { httpsUrl } from '../fields.js';
import { videoStarted } from './created.js';
import {
  aspectRatio, assetOf, background, backgroundOf, callbackId, captionOf, captions, createdOutput, expressiveness, FILE_HINT, fileRef, motionPrompt, pick, resolution, speechInput, speechOf, title, watermark, watermarkOf,
} from './shared-inputs.js';

export default defineTool({
  name: 'create_video_from_image',
  title: 'Animate a photo into a talking video',
  description: 'Animate one photo of a person (Avatar IV) speaking a script (needs voice_id) or lip-syncing audio. Spends HeyGen credits.',
  toolset: 'videos',
  kind: 'create',
  spendsCredits: true,
  hints: { recoverWith: 'list_videos', idsFrom: 'list_voices' },
  input: {
    image: fileRef().describe(FILE_HINT),
    ...speechInput,
    audio: speechInput.audio.describe('https URL or asset id'),
    aspect_ratio: aspectRatio.default('auto'),
    resolution: resolution.optional(),
    captions: captions.optional(),
    background: background.optional(),
    output_format: z.enum(['mp4', 'webm']).optional(),
    remove_background: z.boolean().optional(),
    fit: z.enum(['contain', 'cover']).optional(),
    motion_prompt: motionPrompt.optional(),
    expressiveness: expressiveness.optional(),
    watermark: watermark.optional(),
    title: title().optional(),
    callback_url: httpsUrl().optional(),
    callback_id: callbackId().optional(),
  },
  output: createdOutput,
  async handler(a, ctx) {
    const image = assetOf(a.image, 'image');
    const bg = backgroundOf(a.background, a.output_format);
    const caption = captionOf(a.captions);
    const mark = watermarkOf(a.watermark);
    const body: ImageVideoBody = {
      type: 'image',
      image,
      ...speechOf(a, '', { voiceRequired: true }),
      ...pick(a, ['aspect_ratio', 'resolution', 'output_format', 'remove_background', 'fit', 'motion_prompt', 'expressiveness', 'title', 'callback_url', 'callback_id']),
      ...(bg ? { background: bg } : {}),
      ...(caption ? { caption } : {}),
      ...(mark ? { watermark: mark } : {}),
    };
    return videoStarted(ctx, 'create_video_from_image', await ctx.heygen.videos.create(body, ctx.call));
  },
});
