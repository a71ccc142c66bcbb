import { z } from 'zod';
import { sessionKind } from '../../jobs/video-kinds.js';
import { defineTool } from '../define.js';
import { heygenId, httpsUrl } from '../fields.js';
import { ANY_FILE, media } from '../media.js';
import { callbackId, pick } from '../videos/shared-inputs.js';

export default defineTool({
  name: 'create_video_agent',
  title: 'Create video with the Video Agent',
  description: 'Turn a prompt (best a structured brief) into a finished video that HeyGen writes, casts and edits. Spends HeyGen credits. Follow with wait_for_job.',
  toolset: 'video_agent',
  kind: 'create',
  spendsCredits: true,
  task: 'starts-job',
  hints: { recoverWith: 'list_video_agent_sessions', idsFrom: 'list_avatar_looks' },
  input: () => ({
    prompt: z.string().trim().min(1, 'must not be empty').max(10_000, 'at most 10,000 characters'),
    mode: z.enum(['generate', 'chat']).optional().describe('chat: may ask; allows revisions'),
    avatar_id: heygenId().optional().describe('a look_id'),
    voice_id: heygenId().optional(),
    style_id: heygenId().optional().describe('from list_video_agent_styles'),
    brand_kit_id: heygenId().optional().describe('from list_brand_kits'),
    orientation: z.enum(['landscape', 'portrait']).optional(),
    files: z.array(media({ inline: ANY_FILE })).max(20).optional(),
    incognito_mode: z.boolean().optional().describe('no memory of other sessions'),
    callback_url: httpsUrl().optional(),
    callback_id: callbackId().optional(),
  }),
  output: () => ({
    session_id: z.string(),
    status: z.string().optional(),
    video_id: z.string().optional(),
    created_at: z.number().optional(),
  }),
  async handler(a, ctx) {
    const body = {
      prompt: a.prompt,
      ...pick(a, ['mode', 'avatar_id', 'voice_id', 'style_id', 'brand_kit_id', 'orientation', 'incognito_mode', 'callback_url', 'callback_id']),
      ...pick(a, ['files']),
    };
    const r = await ctx.heygen.videoAgents.create(body, ctx.call);
    await ctx.state.jobs.record({ kind: 'video_agent_session', id: r.session_id, tool: 'create_video_agent', createdAt: Date.now() });
    if (r.video_id) await ctx.state.jobs.record({ kind: 'video', id: r.video_id, tool: 'create_video_agent', createdAt: Date.now() });
    ctx.link(sessionKind.resourceUri(r.session_id), `Video Agent session ${r.session_id}`, 'Live session status');
    ctx.note(`The agent is working (usually several minutes). Next: wait_for_job {"kind":"video_agent_session","id":"${r.session_id}"}.`);
    return { session_id: r.session_id, status: r.status, video_id: r.video_id, created_at: r.created_at };
  },
});
