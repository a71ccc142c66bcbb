import { z } from 'zod';
import { defineTool } from '../define.js';
import { pageInput, pageOutput, pageRequest, pageResult } from '../paging.js';

export default defineTool({
  name: 'list_video_agent_sessions',
  title: 'List Video Agent sessions',
  description: 'Page through Video Agent sessions, newest first (id, title, created_at); pass next_token for more.',
  toolset: 'video_agent',
  kind: 'read',
  input: () => ({
    ...pageInput(),
  }),
  output: () => ({
    sessions: z.array(z.object({ session_id: z.string(), title: z.string().optional(), created_at: z.number().optional() })),
    ...pageOutput(),
  }),
  async handler(a, ctx) {
    const page = await ctx.heygen.videoAgents.list(pageRequest(a), ctx.call);
    return {
      sessions: page.items.map((s) => ({ session_id: s.session_id, title: s.title, created_at: s.created_at })),
      ...pageResult(page),
    };
  },
});
