import { z } from 'zod';
import { defineTool } from '../define.js';
import { text } from '../fields.js';
import { media, VIDEO } from '../media.js';

export default defineTool({
  name: 'create_background_removal',
  title: 'Remove video background',
  description: 'Cut the subject out of a video into foreground, mask and background layers; then wait_for_job. Spends HeyGen credits.',
  toolset: 'studio_extras',
  kind: 'create',
  spendsCredits: true,
  hints: { recoverWith: 'list_background_removals' },
  input: () => ({
    video: media({ inline: VIDEO }),
    layers: z.array(z.enum(['foreground', 'mask', 'background'])).min(1).max(3).optional().describe('default: all three'),
    title: text(255).optional(),
  }),
  output: () => ({ job_id: z.string(), status: z.string() }),
  async handler(a, ctx) {
    const body = { video: a.video, ...(a.layers ? { layers: [...new Set(a.layers)] } : {}), ...(a.title ? { title: a.title } : {}) };
    const j = await ctx.heygen.studio.createBackgroundRemoval(body, ctx.call);
    await ctx.state.jobs.record({ kind: 'background_removal', id: j.id, tool: 'create_background_removal', createdAt: Date.now() });
    ctx.note(`Call wait_for_job {kind:'background_removal', id:'${j.id}'}; get_background_removal then gives every layer.`);
    return { job_id: j.id, status: j.status };
  },
});
