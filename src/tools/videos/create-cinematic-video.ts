import { z } from 'zod';
import type { CinematicVideoBody } from '../../heygen/api/videos.js';
import { defineTool } from '../define.js';
import { InputError } from '../../errors.js';
import { videoStarted } from './created.js';
import { heygenId } from '../fields.js';
import { IMAGE, media, VIDEO } from '../media.js';
import { createdOutput, pick, title } from './shared-inputs.js';

export default defineTool({
  name: 'create_cinematic_video',
  title: 'Create cinematic avatar video',
  description: 'Generate a 4–15 s cinematic clip from a prompt starring 1–3 avatar looks, with optional reference media. Spends HeyGen credits.',
  toolset: 'videos',
  kind: 'create',
  spendsCredits: true,
  task: 'starts-job',
  hints: { recoverWith: 'list_videos', idsFrom: 'list_avatar_looks' },
  input: () => ({
    prompt: z.string().trim().min(1, 'must not be empty').max(5000),
    avatar_ids: z.array(heygenId()).min(1).max(3).describe('look ids'),
    aspect_ratio: z.enum(['16:9', '9:16', '1:1']).optional(),
    resolution: z.enum(['720p', '1080p']).optional(),
    duration: z.number().int().min(4).max(15).optional().describe('seconds'),
    auto_duration: z.boolean().optional(),
    enhance_prompt: z.boolean().optional(),
    references: z.array(media({ inline: [...IMAGE, ...VIDEO] })).max(12).optional().describe('≤3 videos, ≤9 images'),
    title: title().optional(),
  }),
  output: () => createdOutput,
  async handler(a, ctx) {
    if (a.auto_duration && a.duration !== undefined) throw new InputError('duration', 'leave it out when auto_duration is true');
    const body: CinematicVideoBody = {
      type: 'cinematic_avatar',
      prompt: a.prompt,
      avatar_id: a.avatar_ids,
      ...pick(a, ['aspect_ratio', 'resolution', 'duration', 'auto_duration', 'enhance_prompt', 'title', 'references']),
    };
    return videoStarted(ctx, 'create_cinematic_video', await ctx.heygen.videos.create(body, ctx.call));
  },
});
