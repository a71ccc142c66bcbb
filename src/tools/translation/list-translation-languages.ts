import { z } from 'zod';
import { defineTool } from '../define.js';
import { text } from '../fields.js';

const TTL_MS = 60 * 60_000;

export default defineTool({
  // HeyGen's skills call it list_video_translation_languages; the earlier name stays callable.
  name: 'list_video_translation_languages',
  aliases: ['list_translation_languages'],
  title: 'Translation languages',
  description: 'Language names for output_languages, e.g. "Spanish (Spain)".',
  toolset: 'translation',
  kind: 'read',
  input: () => ({
    query: text(100).optional(),
  }),
  output: () => ({
    languages: z.array(z.string()),
  }),
  async handler({ query }, { heygen, call, state }) {
    const all = await state.cache.getOrLoad('translation:languages', TTL_MS, () => heygen.translations.languages(call));
    const q = query?.toLowerCase();
    const languages = q ? all.filter((l) => l.toLowerCase().includes(q)) : all;
    return { languages };
  },
});
