import { z } from 'zod';
import { defineTool } from '../define.js';
import { pageInput, pageOutput, pageRequest, pageResult } from '../paging.js';

export default defineTool({
  name: 'list_background_removals',
  title: 'List background removals',
  description: 'Background-removal jobs, newest first. get_background_removal gives the layer URLs.',
  toolset: 'studio_extras',
  kind: 'read',
  input: () => ({ ...pageInput() }),
  output: () => ({
    jobs: z.array(z.object({ job_id: z.string(), status: z.string(), created_at: z.number().optional() })),
    ...pageOutput(),
  }),
  async handler(a, { heygen, call }) {
    const page = await heygen.studio.listBackgroundRemovals(pageRequest(a), call);
    return { jobs: page.items.map((j) => ({ job_id: j.id, status: j.status, created_at: j.created_at })), ...pageResult(page) };
  },
});
