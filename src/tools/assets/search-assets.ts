import { z } from 'zod';
import { defineTool } from '../define.js';
import { text } from '../fields.js';
import { pageInput, pageOutput, pageRequest, pageResult } from '../paging.js';

export default defineTool({
  name: 'search_assets',
  title: 'Search images and icons',
  description: 'Find stock images or icons by description, best match first, each with a stable public URL usable as media input.',
  toolset: 'assets',
  kind: 'read',
  input: () => ({
    query: text(300).describe('e.g. pizza on a wooden table'),
    type: z.enum(['image', 'icon']),
    scope: z.enum(['public', 'personal']).optional().describe('default public'),
    ...pageInput(),
  }),
  output: () => ({
    results: z.array(z.object({ id: z.string(), url: z.string(), width: z.number().optional(), height: z.number().optional(), transparent: z.boolean().optional() })),
    ...pageOutput(),
  }),
  async handler(a, { heygen, call }) {
    const page = await heygen.assets.search({ query: a.query, type: a.type, scope: a.scope, ...pageRequest(a) }, call);
    return {
      results: page.items.map((x) => ({ id: x.id, url: x.url, width: x.width, height: x.height, transparent: x.is_transparent })),
      ...pageResult(page),
    };
  },
});
