import { z } from 'zod';
import { defineTool } from '../define.js';
import { compact } from '../request-body.js';
import { httpsUrl, text } from '../fields.js';
import { media } from '../media.js';

export default defineTool({
  name: 'create_ai_clipping',
  title: 'Cut a video into clips',
  description: 'Cut a long video into short captioned clips, one per duration; then wait_for_job. Media: https URL or asset id. Spends HeyGen credits.',
  toolset: 'studio_extras',
  kind: 'create',
  spendsCredits: true,
  hints: { recoverWith: 'list_ai_clippings' },
  input: () => ({
    video: media(),
    durations: z.array(z.enum(['30', '60', '180', 'long'])).min(1).max(4).describe('seconds per clip; long: over 180'),
    aspect_ratio: z.enum(['portrait', 'landscape', 'square']).optional(),
    captions: z.boolean().optional(),
    caption_style: text(50).optional().describe('e.g. classic, bold'),
    prompt: text(1000).optional().describe('what the clips should focus on'),
    title: text(255).optional(),
    input_language: text(100).optional(),
    callback_url: httpsUrl().optional(),
    callback_id: text(200).optional(),
  }),
  output: () => ({ job_id: z.string(), status: z.string() }),
  async handler(a, ctx) {
    const body = compact({
      video: a.video,
      output_settings: compact({ duration_types: [...new Set(a.durations)], aspect_ratio: a.aspect_ratio, captions: a.captions, caption_style: a.caption_style, prompt: a.prompt }),
      title: a.title, input_language: a.input_language, callback_url: a.callback_url, callback_id: a.callback_id,
    });
    const j = await ctx.heygen.studio.createClipping(body, ctx.call);
    await ctx.state.jobs.record({ kind: 'ai_clipping', id: j.id, tool: 'create_ai_clipping', createdAt: Date.now() });
    ctx.note(`Call wait_for_job {kind:'ai_clipping', id:'${j.id}'}; get_ai_clipping then lists the clips.`);
    return { job_id: j.id, status: j.status ?? 'pending' };
  },
});
