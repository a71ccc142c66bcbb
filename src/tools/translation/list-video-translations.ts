import { z } from 'zod';
import { defineTool } from '../define.js';
import { listInput, listOutput, pageOut } from './fields.js';

export default defineTool({
  name: 'list_video_translations',
  title: 'List video translations',
  description: 'Page through video translations, newest first: id, status, title and languages. Use get_video_translation for URLs.',
  toolset: 'translation',
  kind: 'read',
  input: { ...listInput },
  output: {
    translations: z.array(z.object({
      video_translation_id: z.string(),
      status: z.string(),
      title: z.string().optional(),
      output_language: z.string().optional(),
      created_at: z.number().optional(),
    })),
    ...listOutput,
  },
  async handler({ limit, next_token }, { heygen, call }) {
    const page = await heygen.translations.list({ limit, token: next_token }, call);
    return {
      translations: page.items.map((t) => ({ video_translation_id: t.id, status: t.status, title: t.title, output_language: t.output_language, created_at: t.created_at })),
      ...pageOut(page),
    };
  },
});
