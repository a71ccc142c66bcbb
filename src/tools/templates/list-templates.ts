import { z } from 'zod';
import { defineTool } from '../define.js';
import { pageInput, pageOutput, pageRequest, pageResult } from '../paging.js';

export default defineTool({
  name: 'list_templates',
  title: 'List templates',
  description: 'Page through the account\'s API-ready video templates (id, name, aspect ratio). Use get_template for a template\'s variables.',
  toolset: 'templates',
  kind: 'read',
  input: () => ({
    query: z.string().trim().min(1).max(100).optional().describe('Only names containing this text (this page only).'),
    ...pageInput(),
  }),
  output: () => ({
    templates: z.array(z.object({ template_id: z.string(), name: z.string().optional(), aspect_ratio: z.string().optional(), updated_at: z.number().optional() })),
    ...pageOutput(),
  }),
  async handler(a, ctx) {
    const page = await ctx.heygen.templates.list(pageRequest(a), ctx.call);
    const q = a.query?.toLowerCase();
    return {
      templates: page.items
        .filter((t) => !q || (t.name ?? '').toLowerCase().includes(q))
        .map((t) => ({ template_id: t.id, name: t.name, aspect_ratio: t.aspect_ratio, updated_at: t.updated_at })),
      ...pageResult(page),
    };
  },
});
