import { z } from 'zod';
import { defineTool } from '../define.js';
import { compact } from '../request-body.js';
import { heygenId, text } from '../fields.js';
import { media } from '../media.js';
import { checkLanguages } from '../translation/languages.js';
import { batchEnvelope, batchStarted, submittedOutput } from './batch-fields.js';

export default defineTool({
  name: 'create_video_translation_batch',
  title: 'Translate up to 100 videos',
  description: 'Submit 1–100 translations at once, one output_language per item (names from list_video_translation_languages). Spends HeyGen credits.',
  toolset: 'batch',
  kind: 'create',
  spendsCredits: true,
  hints: { recoverWith: 'list_video_translations' },
  input: () => ({
    video_translations: z.array(z.object({
      video: media({ nested: true }),
      output_language: text(100),
      title: text(255).optional(),
      input_language: text(100).optional(),
      mode: z.enum(['speed', 'precision']).optional(),
      enable_caption: z.boolean().optional(),
      brand_voice_id: heygenId().optional(),
      callback_id: text(200).optional(),
    })).min(1).max(100),
    ...batchEnvelope,
  }),
  output: () => submittedOutput,
  async handler(a, ctx) {
    const items = a.video_translations.map((t) => compact({
      video: t.video, output_languages: [t.output_language],
      title: t.title, input_language: t.input_language, mode: t.mode, enable_caption: t.enable_caption,
      brand_voice_id: t.brand_voice_id, callback_id: t.callback_id,
    }));
    // Each language is checked once; the same language may repeat across different videos.
    await checkLanguages([...new Set(items.map((t) => t.output_languages[0] as string))], ctx);
    const r = await ctx.heygen.batches.createTranslations(compact({ video_translations: items, title: a.title, callback_url: a.callback_url }), ctx.call);
    return batchStarted(ctx, 'video_translation', 'create_video_translation_batch', r, items.length);
  },
});
