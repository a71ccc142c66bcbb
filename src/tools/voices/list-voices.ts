import { z } from 'zod';
import { catalogCtx } from '../../catalog/context.js';
import { genderInput, queryInput } from '../catalog-inputs.js';
import { VoiceItem, voiceSummary } from '../../catalog/shapes.js';
import { listVoices } from '../../catalog/voices.js';
import { defineTool } from '../define.js';
import { pageInput, pageOutput, pageResult } from '../paging.js';

export default defineTool({
  name: 'list_voices',
  title: 'List voices',
  description: 'Voices by language, gender, engine (starfish for create_speech), type or name. Prefer the look\'s default_voice_id, else match gender; get_voice to preview.',
  toolset: 'voices',
  kind: 'read',
  view: 'ui://heygen/picker.html',
  input: () => ({
    language: z.string().trim().min(2).max(50).optional().describe('English, en or en-US'),
    gender: genderInput.optional(),
    engine: z.string().trim().max(30).regex(/^[a-z0-9_]{2,30}$/i, 'must be an engine name such as starfish').optional().describe('e.g. starfish'),
    type: z.enum(['public', 'private']).optional().describe('private: your clones'),
    query: queryInput,
    ...pageInput(),
  }),
  output: () => ({
    voices: z.array(VoiceItem),
    ...pageOutput(),
  }),
  async handler(args, ctx) {
    const r = await listVoices(catalogCtx(ctx.deps, ctx.call), args);
    return { voices: r.items.map(voiceSummary), ...pageResult(r) };
  },
});
