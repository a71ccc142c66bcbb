import { z } from 'zod';
import { catalogCtx } from '../../catalog/context.js';
import { getVoice } from '../../catalog/voices.js';
import { defineTool } from '../define.js';
import { heygenId } from '../fields.js';

export default defineTool({
  name: 'get_voice',
  title: 'Get voice',
  description: 'One voice: preview audio, language, gender; clone status for yours.',
  toolset: 'voices',
  kind: 'read',
  hints: { idsFrom: 'list_voices' },
  input: () => ({ voice_id: heygenId() }),
  output: () => ({
    voice_id: z.string(),
    name: z.string().optional(),
    language: z.string().optional(),
    gender: z.string().optional(),
    preview_audio_url: z.string().optional(),
    support_pause: z.boolean().optional(),
    status: z.string().optional(),
    failure_message: z.string().optional(),
  }),
  async handler({ voice_id }, ctx) {
    const v = await getVoice(catalogCtx(ctx.deps, ctx.call), voice_id);
    return {
      voice_id: v.voice_id, name: v.name, language: v.language, gender: v.gender, preview_audio_url: v.preview_audio_url,
      support_pause: v.support_pause,
      status: v.status, failure_message: v.failure_message,
    };
  },
});
