import { z } from 'zod';
import { defineTool } from '../define.js';
import { jobId } from './fields.js';

export default defineTool({
  name: 'get_video_translation',
  title: 'Get a video translation',
  description: 'Status of one video translation (pending, running, completed, failed) and, once completed, its video, audio and caption URLs.',
  toolset: 'translation',
  kind: 'read',
  hints: { idsFrom: 'list_video_translations' },
  input: { video_translation_id: jobId('Id from create_video_translation or list_video_translations.') },
  output: {
    video_translation_id: z.string(),
    status: z.string(),
    title: z.string().optional(),
    input_language: z.string().optional(),
    output_language: z.string().optional(),
    duration: z.number().optional(),
    video_url: z.string().optional(),
    audio_url: z.string().optional(),
    srt_caption_url: z.string().optional(),
    vtt_caption_url: z.string().optional(),
    failure_message: z.string().optional(),
  },
  async handler({ video_translation_id }, { heygen, call }) {
    const { id, ...t } = await heygen.translations.get(video_translation_id, call);
    return { ...t, video_translation_id: id };
  },
});
