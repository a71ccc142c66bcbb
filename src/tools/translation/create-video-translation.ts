import { z } from 'zod';
import { defineTool } from '../define.js';
import { InputError } from '../../errors.js';
import { compact } from '../request-body.js';
import { heygenId, httpsUrl, text } from '../fields.js';
import { media } from '../media.js';
import { checkTimes } from './fields.js';
import { checkLanguages } from './languages.js';

export default defineTool({
  name: 'create_video_translation',
  title: 'Translate video',
  description: 'Translate and dub a video: one id per language, for wait_for_job. Media: https URL or asset id. Spends HeyGen credits.',
  toolset: 'translation',
  kind: 'create',
  spendsCredits: true,
  task: 'starts-job',
  hints: { recoverWith: 'list_video_translations' },
  input: () => ({
    video: media(),
    output_languages: z.array(text(100)).min(1).max(100).describe('From list_video_translation_languages'),
    title: text(255).optional(),
    input_language: text(100).optional(),
    mode: z.enum(['speed', 'precision']).optional(),
    speaker_num: z.number().int().min(1).max(10).optional(),
    translate_audio_only: z.boolean().optional(),
    enable_caption: z.boolean().optional(),
    enable_dynamic_duration: z.boolean().optional(),
    enable_speech_enhancement: z.boolean().optional(),
    disable_music_track: z.boolean().optional(),
    keep_the_same_format: z.boolean().optional(),
    audio: media().optional(),
    fps_mode: z.enum(['vfr', 'cfr', 'passthrough']).optional(),
    srt: media().optional(),
    srt_role: z.enum(['input', 'output']).optional(),
    start_time: z.number().min(0).optional(),
    end_time: z.number().positive().optional(),
    brand_glossary_id: heygenId().optional().describe('from list_brand_glossaries'),
    brand_voice_id: heygenId().optional().describe('not with brand_glossary_id'),
    enable_watermark: z.boolean().optional(),
    use_stock_voice: z.boolean().optional(),
    stock_voice_ids: z.array(heygenId()).max(20).optional().describe('with use_stock_voice'),
    folder_id: heygenId().optional(),
    callback_url: httpsUrl().optional(),
    callback_id: text(200).optional(),
  }),
  output: () => ({
    translations: z.array(z.object({ video_translation_id: z.string(), output_language: z.string() })),
  }),
  async handler(a, ctx) {
    if (a.srt_role && !a.srt) throw new InputError('srt_role', 'only applies together with srt');
    if (a.fps_mode && !a.audio) throw new InputError('fps_mode', 'only applies together with audio');
    const { video, audio, srt } = a;
    checkTimes(a.start_time, a.end_time);
    // HeyGen treats the two as one record under two names; sending both is refused there.
    if (a.brand_voice_id && a.brand_glossary_id) throw new InputError('brand_voice_id', 'give brand_voice_id or brand_glossary_id, not both');
    if (a.stock_voice_ids && a.use_stock_voice === false) throw new InputError('stock_voice_ids', 'only applies with use_stock_voice');
    const stock = a.use_stock_voice !== undefined || a.stock_voice_ids
      ? compact({ use_stock_voice: a.use_stock_voice ?? true, preferred_stock_voice_ids: a.stock_voice_ids })
      : undefined;
    await checkLanguages(a.output_languages, ctx);
    const body = compact({
      video, output_languages: a.output_languages, title: a.title, input_language: a.input_language, audio, srt, srt_role: a.srt_role,
      mode: a.mode, speaker_num: a.speaker_num, translate_audio_only: a.translate_audio_only, enable_caption: a.enable_caption,
      enable_dynamic_duration: a.enable_dynamic_duration, enable_speech_enhancement: a.enable_speech_enhancement,
      disable_music_track: a.disable_music_track, keep_the_same_format: a.keep_the_same_format, fps_mode: a.fps_mode,
      start_time: a.start_time, end_time: a.end_time, brand_glossary_id: a.brand_glossary_id, brand_voice_id: a.brand_voice_id,
      enable_watermark: a.enable_watermark, stock_voice_config: stock, folder_id: a.folder_id,
      callback_url: a.callback_url, callback_id: a.callback_id,
    });
    const { video_translation_ids: ids } = await ctx.heygen.translations.create(body, ctx.call);
    // HeyGen answers with one id per requested language, in the order they were given.
    const translations = ids.map((id, i) => ({ video_translation_id: id, output_language: a.output_languages[i] ?? '' }));
    for (const t of translations) {
      await ctx.state.jobs.record({ kind: 'video_translation', id: t.video_translation_id, tool: 'create_video_translation', createdAt: Date.now() });
      ctx.link(`heygen://video-translations/${t.video_translation_id}`, `Translation to ${t.output_language}`);
    }
    ctx.note("Translations take minutes. Call wait_for_job {kind:'video_translation', id} for each id, then download the video_url.");
    return { translations };
  },
});
