import { z } from 'zod';
import { sessionKind } from '../../jobs/video-kinds.js';
import { defineTool } from '../define.js';
import { heygenId } from '../fields.js';
import { ANY_FILE, media } from '../media.js';
import { pick } from '../videos/shared-inputs.js';

export default defineTool({
  name: 'send_video_agent_message',
  title: 'Send message to Video Agent',
  description: 'Answer the agent or ask for changes in a chat-mode session (ids switch avatar/voice from now on). Spends HeyGen credits. Follow with wait_for_job.',
  toolset: 'video_agent',
  kind: 'create',
  spendsCredits: true,
  hints: { recoverWith: 'get_video_agent_session', idsFrom: 'list_video_agent_sessions' },
  input: () => ({
    session_id: heygenId(),
    message: z.string().trim().min(1, 'must not be empty').max(10_000, 'at most 10,000 characters'),
    avatar_id: heygenId().optional().describe('a look_id'),
    voice_id: heygenId().optional(),
    brand_kit_id: heygenId().optional().describe('from list_brand_kits'),
    files: z.array(media({ inline: ANY_FILE })).max(20).optional(),
  }),
  output: () => ({ session_id: z.string(), run_id: z.string().optional() }),
  async handler(a, ctx) {
    const body = { message: a.message, ...pick(a, ['avatar_id', 'voice_id', 'brand_kit_id', 'files']) };
    const r = await ctx.heygen.videoAgents.send(a.session_id, body, ctx.call);
    // Whoever follows the session (a task, a wait) should see it move on now, not after a 30 s backoff.
    ctx.deps.watcher?.nudge(ctx.state.keyId, sessionKind.resourceUri(a.session_id));
    ctx.link(sessionKind.resourceUri(a.session_id), `Video Agent session ${a.session_id}`, 'Live session status');
    ctx.note(`Message sent. Next: wait_for_job {"kind":"video_agent_session","id":"${a.session_id}"}.`);
    return { session_id: r.session_id ?? a.session_id, run_id: r.run_id };
  },
});
