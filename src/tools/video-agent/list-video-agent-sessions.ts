import { z } from 'zod';
import { defineTool } from '../define.js';
import { limit, nextToken } from '../fields.js';

export default defineTool({
  name: 'list_video_agent_sessions',
  title: 'List Video Agent sessions',
  description: 'Page through Video Agent sessions, newest first (id, title, created_at); pass next_token for more.',
  toolset: 'video_agent',
  kind: 'read',
  input: () => ({
    limit: limit(),
    next_token: nextToken(),
  }),
  output: () => ({
    sessions: z.array(z.object({ session_id: z.string(), title: z.string().optional(), created_at: z.number().optional() })),
    next_token: z.string().optional(),
  }),
  async handler(a, ctx) {
    const page = await ctx.heygen.videoAgents.list({ limit: a.limit ?? 25, token: a.next_token }, ctx.call);
    return {
      sessions: page.items.map((s) => ({ session_id: s.session_id, title: s.title, created_at: s.created_at })),
      next_token: page.hasMore ? page.nextToken : undefined,
    };
  },
});
