import { z } from 'zod';
import { defineTool } from '../define.js';
import { compact } from '../request-body.js';
import { text } from '../fields.js';
import { media } from '../media.js';
import { batchEnvelope, batchStarted, submittedOutput } from './batch-fields.js';

export default defineTool({
  name: 'create_lipsync_batch',
  title: 'Lipsync up to 100 videos',
  description: 'Submit 1–100 lipsyncs at once (video + new audio each, https URL or asset id). Spends HeyGen credits.',
  toolset: 'batch',
  kind: 'create',
  spendsCredits: true,
  hints: { recoverWith: 'list_lipsyncs' },
  input: () => ({
    lipsyncs: z.array(z.object({
      video: media({ nested: true }),
      audio: media({ nested: true }),
      title: text(255).optional(),
      mode: z.enum(['speed', 'precision']).optional(),
      enable_caption: z.boolean().optional(),
      callback_id: text(200).optional(),
    })).min(1).max(100),
    ...batchEnvelope,
  }),
  output: () => submittedOutput,
  async handler(a, ctx) {
    const lipsyncs = a.lipsyncs.map((l) => compact({
      video: l.video, audio: l.audio,
      title: l.title, mode: l.mode, enable_caption: l.enable_caption, callback_id: l.callback_id,
    }));
    const r = await ctx.heygen.batches.createLipsyncs(compact({ lipsyncs, title: a.title, callback_url: a.callback_url }), ctx.call);
    return batchStarted(ctx, 'lipsync', 'create_lipsync_batch', r, lipsyncs.length);
  },
});
