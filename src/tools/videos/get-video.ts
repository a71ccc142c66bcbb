import { z } from 'zod';
import { defineTool } from '../define.js';
import { heygenId } from '../fields.js';

export default defineTool({
  name: 'get_video',
  title: 'Get video status',
  description: 'Status of one video; when completed, its file, captioned, subtitle and share URLs (they expire: read again).',
  toolset: 'videos',
  kind: 'read',
  view: 'ui://heygen/render.html',
  hints: { idsFrom: 'list_videos' },
  input: () => ({ video_id: heygenId() }),
  output: () => ({
    video_id: z.string(),
    status: z.string(),
    title: z.string().optional(),
    duration: z.number().optional(),
    video_url: z.string().optional(),
    captioned_video_url: z.string().optional(),
    subtitle_url: z.string().optional(),
    video_page_url: z.string().optional(),
    thumbnail_url: z.string().optional(),
    output_language: z.string().optional(),
    failure_code: z.string().optional(),
    failure_message: z.string().optional(),
  }),
  async handler({ video_id }, ctx) {
    const { id, ...v } = await ctx.heygen.videos.get(video_id, ctx.call);
    if (v.status === 'pending' || v.status === 'processing') ctx.note(`Still rendering. wait_for_job {"kind":"video","id":"${id}"} waits for it.`);
    return { video_id: id, ...v };
  },
});
