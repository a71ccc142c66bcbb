import { z } from 'zod';
import { httpsUrl } from '../fields.js';
import {
  aspectRatio, background, backgroundOf, callbackId, captionOf, captions, expressiveness, motionPrompt, pick, resolution, title, watermark, watermarkOf,
} from './shared-inputs.js';

/**
 * The options an avatar video and a photo video share (v3 types `avatar` and `image` take the
 * same frame, caption, background, motion and delivery fields), and the request fields they
 * become. One definition, so the two tools cannot drift apart.
 */
export const renderInput = {
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
};

type RenderArgs = z.output<z.ZodObject<typeof renderInput>>;

export function renderFields(a: RenderArgs) {
  const bg = backgroundOf(a.background, a.output_format);
  const caption = captionOf(a.captions);
  const mark = watermarkOf(a.watermark);
  return {
    ...pick(a, ['aspect_ratio', 'resolution', 'output_format', 'remove_background', 'fit', 'motion_prompt', 'expressiveness', 'title', 'callback_url', 'callback_id']),
    ...(bg ? { background: bg } : {}),
    ...(caption ? { caption } : {}),
    ...(mark ? { watermark: mark } : {}),
  };
}
