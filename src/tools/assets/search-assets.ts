import { z } from 'zod';
import { defineTool } from '../define.js';
import { nextToken, text } from '../fields.js';

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
    limit: z.number().int().min(1).max(50).optional(),
    next_token: nextToken(),
  }),
  output: () => ({
    results: z.array(z.object({ id: z.string(), url: z.string(), width: z.number().optional(), height: z.number().optional(), transparent: z.boolean().optional() })),
    next_token: z.string().optional(),
  }),
  async handler(a, { heygen, call }) {
    const page = await heygen.assets.search({ query: a.query, type: a.type, scope: a.scope, limit: a.limit, token: a.next_token }, call);
    return {
      results: page.items.map((x) => ({ id: x.id, url: x.url, width: x.width, height: x.height, transparent: x.is_transparent })),
      ...(page.hasMore && page.nextToken ? { next_token: page.nextToken } : {}),
    };
  },
});
