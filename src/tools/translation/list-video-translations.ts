import { z } from 'zod';
import { defineTool } from '../define.js';
import { pageInput, pageOutput, pageRequest, pageResult } from '../paging.js';

export default defineTool({
  name: 'list_video_translations',
  title: 'List translations',
  description: 'Video translations, newest first. get_video_translation gives the URLs.',
  toolset: 'translation',
  kind: 'read',
  input: () => ({ ...pageInput() }),
  output: () => ({
    translations: z.array(z.object({
      video_translation_id: z.string(),
      status: z.string(),
      title: z.string().optional(),
      output_language: z.string().optional(),
    })),
    ...pageOutput(),
  }),
  async handler(a, { heygen, call }) {
    const page = await heygen.translations.list(pageRequest(a), call);
    return {
      translations: page.items.map((t) => ({ video_translation_id: t.id, status: t.status, title: t.title, output_language: t.output_language })),
      ...pageResult(page),
    };
  },
});
