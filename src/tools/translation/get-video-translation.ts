import { z } from 'zod';
import { defineTool } from '../define.js';
import { InputError } from '../../errors.js';
import { heygenId } from '../fields.js';

export default defineTool({
  name: 'get_video_translation',
  title: 'Get translation',
  description: 'Translation status; once completed, video, audio and caption URLs.',
  toolset: 'translation',
  kind: 'read',
  hints: { idsFrom: 'list_video_translations' },
  input: () => ({ video_translation_id: heygenId().optional(), id: heygenId().optional().describe('same as video_translation_id') }),
  output: () => ({
    video_translation_id: z.string(),
    status: z.string(),
    output_language: z.string().optional(),
    video_url: z.string().optional(),
    audio_url: z.string().optional(),
    srt_caption_url: z.string().optional(),
    vtt_caption_url: z.string().optional(),
    failure_message: z.string().optional(),
  }),
  async handler(a, { heygen, call }) {
    const wanted = a.video_translation_id ?? a.id;
    if (!wanted || (a.video_translation_id && a.id && a.id !== a.video_translation_id)) throw new InputError('video_translation_id', 'give the translation id once, as video_translation_id or id');
    const { id, ...t } = await heygen.translations.get(wanted, call);
    return { ...t, video_translation_id: id };
  },
});
