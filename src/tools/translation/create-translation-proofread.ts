import { z } from 'zod';
import { defineTool } from '../define.js';
import { compact } from '../request-body.js';
import { InputError } from '../../errors.js';
import { heygenId, text } from '../fields.js';
import { media } from '../media.js';
import { checkLanguages } from './languages.js';

export default defineTool({
  name: 'create_translation_proofread',
  title: 'Translation proofread',
  description: 'Translate a video into editable subtitles per language, to review before generate_from_proofread. Media: https URL or asset id. Spends HeyGen credits.',
  toolset: 'proofread',
  kind: 'create',
  spendsCredits: true,
  task: 'starts-job',
  // The API has no proofread list, so an ambiguous failure can only be checked in the app.
  hints: { recoverWith: 'the proofreads in the HeyGen app (the API cannot list them)' },
  input: () => ({
    video: media(),
    output_languages: z.array(text(100)).min(1).max(100).describe('From list_video_translation_languages'),
    title: text(255),
    srt: media().optional(),
    mode: z.enum(['speed', 'precision']).optional(),
    speaker_num: z.number().int().min(1).max(10).optional().describe('speakers in the video'),
    brand_glossary_id: heygenId().optional().describe('from list_brand_glossaries'),
    brand_voice_id: heygenId().optional().describe('not with brand_glossary_id'),
    folder_id: heygenId().optional(),
    disable_music_track: z.boolean().optional(),
    enable_speech_enhancement: z.boolean().optional(),
    enable_video_stretching: z.boolean().optional(),
    keep_the_same_format: z.boolean().optional().describe('keep source resolution and bitrate'),
  }),
  output: () => ({
    proofreads: z.array(z.object({ proofread_id: z.string(), output_language: z.string() })),
    status: z.string(),
  }),
  async handler(a, ctx) {
    const { video, srt } = a;
    if (a.brand_voice_id && a.brand_glossary_id) throw new InputError('brand_voice_id', 'give brand_voice_id or brand_glossary_id, not both');
    await checkLanguages(a.output_languages, ctx);
    const body = compact({
      video, output_languages: a.output_languages, title: a.title, srt, mode: a.mode, speaker_num: a.speaker_num,
      brand_glossary_id: a.brand_glossary_id, brand_voice_id: a.brand_voice_id, folder_id: a.folder_id, disable_music_track: a.disable_music_track,
      enable_speech_enhancement: a.enable_speech_enhancement, enable_video_stretching: a.enable_video_stretching,
      keep_the_same_format: a.keep_the_same_format,
    });
    const r = await ctx.heygen.translations.createProofread(body, ctx.call);
    const proofreads = r.proofread_ids.map((id, i) => ({ proofread_id: id, output_language: a.output_languages[i] ?? '' }));
    for (const p of proofreads) {
      await ctx.state.jobs.record({ kind: 'proofread', id: p.proofread_id, tool: 'create_translation_proofread', createdAt: Date.now() });
      ctx.link(`heygen://proofreads/${p.proofread_id}`, `Proofread (${p.output_language})`);
    }
    ctx.note("Call wait_for_job {kind:'proofread', id}; then review with get_proofread_subtitles and render with generate_from_proofread.");
    return { proofreads, status: r.status ?? 'processing' };
  },
});
