import { z } from 'zod';
import { defineTool } from '../define.js';

const TTL_MS = 60 * 60_000;

export default defineTool({
  name: 'list_translation_languages',
  title: 'List translation languages',
  description: 'List the target language names video translation accepts (e.g. "Spanish (Spain)"). Use the exact names in create_video_translation.',
  toolset: 'translation',
  kind: 'read',
  input: {
    query: z.string().min(1).max(100).optional().describe('Only names containing this text (case-insensitive).'),
  },
  output: {
    languages: z.array(z.string()),
    count: z.number(),
    total: z.number(),
  },
  async handler({ query }, { heygen, call, state }) {
    const all = await state.cache.getOrLoad('translation:languages', TTL_MS, () => heygen.translations.languages(call));
    const q = query?.toLowerCase();
    const languages = q ? all.filter((l) => l.toLowerCase().includes(q)) : all;
    return { languages, count: languages.length, total: all.length };
  },
});
