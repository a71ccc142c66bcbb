import { z } from 'zod';
import { defineTool } from '../define.js';
import { pageInput, pageOutput, pageRequest, pageResult } from '../paging.js';

export default defineTool({
  name: 'list_brand_glossaries',
  title: 'List brand glossaries',
  description: 'Term glossaries for translations: pass a brand_glossary_id to create_video_translation or create_translation_proofread.',
  toolset: 'studio_extras',
  kind: 'read',
  input: () => ({ ...pageInput() }),
  output: () => ({
    glossaries: z.array(z.object({ brand_glossary_id: z.string(), name: z.string(), updated_at: z.string().optional() })),
    ...pageOutput(),
  }),
  async handler(a, { heygen, call }) {
    const page = await heygen.studio.listBrandGlossaries(pageRequest(a), call);
    return { glossaries: page.items.map((g) => ({ brand_glossary_id: g.brand_glossary_id, name: g.name, updated_at: g.updated_at })), ...pageResult(page) };
  },
});
