import { z } from 'zod';
import { defineTool } from '../define.js';
import { pageInput, pageOutput, pageRequest, pageResult } from '../paging.js';

export default defineTool({
  name: 'list_ai_clippings',
  title: 'List AI clipping jobs',
  description: 'AI clipping jobs, newest first, with their clip counts. get_ai_clipping gives the clips.',
  toolset: 'studio_extras',
  kind: 'read',
  input: () => ({ ...pageInput() }),
  output: () => ({
    jobs: z.array(z.object({ job_id: z.string(), status: z.string(), title: z.string().optional(), clips: z.number() })),
    ...pageOutput(),
  }),
  async handler(a, { heygen, call }) {
    const page = await heygen.studio.listClippings(pageRequest(a), call);
    return { jobs: page.items.map((j) => ({ job_id: j.id, status: j.status, title: j.title, clips: j.clips.length })), ...pageResult(page) };
  },
});
