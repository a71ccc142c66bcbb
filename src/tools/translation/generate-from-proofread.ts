import { z } from 'zod';
import { defineTool } from '../define.js';
import { compact } from '../request-body.js';
import { heygenId, httpsUrl, text } from '../fields.js';

export default defineTool({
  name: 'generate_from_proofread',
  title: 'Render proofread',
  description: 'Render the video from a completed proofread\'s subtitles, then wait_for_job. Spends HeyGen credits.',
  toolset: 'proofread',
  kind: 'create',
  spendsCredits: true,
  task: 'starts-job',
  hints: { recoverWith: 'list_video_translations', idsFrom: 'create_translation_proofread' },
  input: () => ({
    proofread_id: heygenId(),
    captions: z.boolean().optional(),
    translate_audio_only: z.boolean().optional(),
    callback_url: httpsUrl().optional(),
    callback_id: text(200).optional(),
  }),
  output: () => ({
    video_translation_id: z.string(),
    status: z.string(),
  }),
  async handler(a, ctx) {
    const body = compact({ captions: a.captions, translate_audio_only: a.translate_audio_only, callback_url: a.callback_url, callback_id: a.callback_id });
    const r = await ctx.heygen.translations.generateProofread(a.proofread_id, body, ctx.call);
    await ctx.state.jobs.record({ kind: 'video_translation', id: r.video_translation_id, tool: 'generate_from_proofread', createdAt: Date.now() });
    ctx.link(`heygen://video-translations/${r.video_translation_id}`, 'Translation from proofread');
    ctx.note("Call wait_for_job {kind:'video_translation', id: video_translation_id}.");
    return { video_translation_id: r.video_translation_id, status: r.status ?? 'processing' };
  },
});
