import { z } from 'zod';
import { defineTool } from '../define.js';
import { pageInput, pageOutput, pageRequest, pageResult } from '../paging.js';

export default defineTool({
  name: 'list_lipsyncs',
  title: 'List lipsyncs',
  description: 'Lipsync jobs, newest first: id, status, title. get_lipsync gives the video URL.',
  toolset: 'lipsync',
  kind: 'read',
  input: () => ({ ...pageInput() }),
  output: () => ({
    lipsyncs: z.array(z.object({ lipsync_id: z.string(), status: z.string(), title: z.string().optional() })),
    ...pageOutput(),
  }),
  async handler(a, { heygen, call }) {
    const page = await heygen.lipsyncs.list(pageRequest(a), call);
    return {
      lipsyncs: page.items.map((j) => ({ lipsync_id: j.id, status: j.status, title: j.title })),
      ...pageResult(page),
    };
  },
});
