import { z } from 'zod';
import { defineTool } from '../define.js';
import { heygenId } from '../fields.js';

export default defineTool({
  name: 'delete_video',
  title: 'Delete video',
  description: 'Permanently delete a video and its files from HeyGen. Cannot be undone.',
  toolset: 'manage',
  kind: 'delete',
  hints: { idsFrom: 'list_videos' },
  input: () => ({ video_id: heygenId() }),
  output: () => ({ video_id: z.string(), deleted: z.boolean() }),
  async handler({ video_id }, ctx) {
    const r = await ctx.heygen.videos.delete(video_id, ctx.call);
    return { video_id: r.id ?? video_id, deleted: r.deleted ?? true };
  },
});
