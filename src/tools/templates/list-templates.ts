import { z } from 'zod';
import { defineTool } from '../define.js';
import { limit, nextToken } from '../fields.js';

export default defineTool({
  name: 'list_templates',
  title: 'List templates',
  description: 'Page through the account\'s API-ready video templates (id, name, aspect ratio). Use get_template for a template\'s variables.',
  toolset: 'templates',
  kind: 'read',
  input: () => ({
    query: z.string().trim().min(1).max(100).optional().describe('Only names containing this text (this page only).'),
    limit: limit(),
    next_token: nextToken(),
  }),
  output: () => ({
    templates: z.array(z.object({ template_id: z.string(), name: z.string().optional(), aspect_ratio: z.string().optional(), updated_at: z.number().optional() })),
    next_token: z.string().optional(),
  }),
  async handler(a, ctx) {
    const page = await ctx.heygen.templates.list({ limit: a.limit ?? 25, token: a.next_token }, ctx.call);
    const q = a.query?.toLowerCase();
    return {
      templates: page.items
        .filter((t) => !q || (t.name ?? '').toLowerCase().includes(q))
        .map((t) => ({ template_id: t.id, name: t.name, aspect_ratio: t.aspect_ratio, updated_at: t.updated_at })),
      next_token: page.hasMore ? page.nextToken : undefined,
    };
  },
});
