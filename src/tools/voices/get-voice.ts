import { z } from 'zod';
import { catalogCtx } from '../../catalog/context.js';
import { catalogId } from '../../catalog/inputs.js';
import { getVoice } from '../../catalog/voices.js';
import { defineTool } from '../define.js';

export default defineTool({
  name: 'get_voice',
  title: 'Get voice',
  description: 'Show one voice: name, language, gender, preview audio, pause support, and clone status for your own voices.',
  toolset: 'voices',
  kind: 'read',
  hints: { idsFrom: 'list_voices' },
  input: { voice_id: catalogId('voice') },
  output: {
    voice_id: z.string(),
    name: z.string().optional(),
    language: z.string().optional(),
    gender: z.string().optional(),
    preview_audio_url: z.string().optional(),
    support_pause: z.boolean().optional(),
    support_interactive_avatar: z.boolean().optional(),
    status: z.string().optional(),
    failure_message: z.string().optional(),
  },
  async handler({ voice_id }, ctx) {
    const v = await getVoice(catalogCtx(ctx.deps, ctx.call), voice_id);
    return {
      voice_id: v.voice_id, name: v.name, language: v.language, gender: v.gender, preview_audio_url: v.preview_audio_url,
      support_pause: v.support_pause, support_interactive_avatar: v.support_interactive_avatar,
      status: v.status, failure_message: v.failure_message,
    };
  },
});
