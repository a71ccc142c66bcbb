import { z } from 'zod';
import { defineTool } from '../define.js';
import { heygenId } from '../fields.js';

const MESSAGE_CHARS = 600;

export default defineTool({
  name: 'get_video_agent_session',
  title: 'Get Video Agent session',
  description: 'Status, progress (0–100), video id and the latest messages of a Video Agent session; shows what the agent asked when it waits for input.',
  toolset: 'video_agent',
  kind: 'read',
  hints: { idsFrom: 'list_video_agent_sessions' },
  input: () => ({
    session_id: heygenId(),
    messages: z.number().int().min(0).max(40).default(5).describe('Recent messages to show'),
  }),
  output: () => ({
    session_id: z.string(),
    status: z.string(),
    progress: z.number().optional(),
    video_id: z.string().optional(),
    title: z.string().optional(),
    created_at: z.number().optional(),
    messages: z.array(z.object({ role: z.string().optional(), type: z.string().optional(), content: z.string().optional(), resource_ids: z.array(z.string()).optional() })).optional(),
  }),
  async handler(a, ctx) {
    const s = await ctx.heygen.videoAgents.get(a.session_id, ctx.call);
    // HeyGen lists newest first; the stable sort keeps that order for messages of the same second.
    const messages = [...(s.messages ?? [])]
      .sort((x, y) => (y.created_at ?? 0) - (x.created_at ?? 0))
      .slice(0, a.messages)
      .map((m) => ({
        role: m.role, type: m.type, content: m.content && m.content.length > MESSAGE_CHARS ? `${m.content.slice(0, MESSAGE_CHARS)}…` : m.content,
        // For get_video_agent_resource.
        ...(m.resource_ids?.length ? { resource_ids: m.resource_ids } : {}),
      }));
    if (s.status === 'waiting_for_input') ctx.note('The agent waits for an answer: answer with send_video_agent_message.');
    else if (s.status === 'completed' && s.video_id) ctx.note(`Done: download_video {"video_id":"${s.video_id}"}.`);
    return { session_id: s.session_id, status: s.status, progress: s.progress, video_id: s.video_id, title: s.title, created_at: s.created_at, messages };
  },
});
