import { z } from 'zod';
import { defineTool } from '../define.js';
import { heygenId } from '../fields.js';

export default defineTool({
  name: 'stop_video_agent_session',
  title: 'Stop Video Agent session',
  description: 'Stop a running Video Agent session at its next checkpoint; work in progress is abandoned.',
  toolset: 'video_agent',
  kind: 'update',
  annotations: { destructiveHint: true },
  hints: { idsFrom: 'list_video_agent_sessions' },
  input: () => ({ session_id: heygenId() }),
  output: () => ({ session_id: z.string(), stopped: z.boolean() }),
  async handler({ session_id }, ctx) {
    const r = await ctx.heygen.videoAgents.stop(session_id, ctx.call);
    return { session_id: r.session_id ?? session_id, stopped: true };
  },
});
