import { z } from 'zod';
import { defineTool } from '../define.js';
import { heygenId } from '../fields.js';

export default defineTool({
  name: 'list_video_agent_videos',
  title: 'List videos of a Video Agent session',
  description: 'Every video a Video Agent session produced (first render and revisions), newest first, with status and duration.',
  toolset: 'video_agent',
  kind: 'read',
  hints: { idsFrom: 'list_video_agent_sessions' },
  input: () => ({ session_id: heygenId() }),
  output: () => ({
    videos: z.array(z.object({ video_id: z.string(), status: z.string(), title: z.string().optional(), duration: z.number().optional(), created_at: z.number().optional() })),
  }),
  async handler({ session_id }, ctx) {
    const page = await ctx.heygen.videoAgents.listVideos(session_id, ctx.call);
    return { videos: page.items.slice(0, 100).map((v) => ({ video_id: v.id, status: v.status, title: v.title, duration: v.duration, created_at: v.created_at })) };
  },
});
