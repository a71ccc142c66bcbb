import { z } from 'zod';
import { defineTool } from '../define.js';
import { heygenId } from '../fields.js';
import { pageInput, pageOutput, pageRequest, pageResult } from '../paging.js';

export default defineTool({
  name: 'list_videos',
  title: 'List videos',
  description: 'Page through the account\'s videos, newest first. Filter by title text or folder; pass next_token for more.',
  toolset: 'videos',
  kind: 'read',
  input: () => ({
    title: z.string().trim().min(1).max(200).optional().describe('Title contains'),
    folder_id: heygenId().optional(),
    ...pageInput(),
  }),
  output: () => ({
    videos: z.array(z.object({
      video_id: z.string(),
      title: z.string().optional(),
      status: z.string(),
      duration: z.number().optional(),
      created_at: z.number().optional(),
      failure_code: z.string().optional(),
    })),
    ...pageOutput(),
  }),
  async handler(a, ctx) {
    const page = await ctx.heygen.videos.list({ title: a.title, folder_id: a.folder_id, ...pageRequest(a) }, ctx.call);
    return {
      videos: page.items.map((v) => ({ video_id: v.id, title: v.title, status: v.status, duration: v.duration, created_at: v.created_at, failure_code: v.failure_code })),
      ...pageResult(page),
    };
  },
});
