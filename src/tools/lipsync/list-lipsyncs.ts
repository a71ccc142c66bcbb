import { z } from 'zod';
import { defineTool } from '../define.js';
import { listInput, listOutput, pageOut } from '../translation/fields.js';

export default defineTool({
  name: 'list_lipsyncs',
  title: 'List lipsync jobs',
  description: 'Page through lipsync jobs, newest first: id, status and title. Use get_lipsync for the video URL.',
  toolset: 'lipsync',
  kind: 'read',
  input: { ...listInput },
  output: {
    lipsyncs: z.array(z.object({ lipsync_id: z.string(), status: z.string(), title: z.string().optional(), created_at: z.number().optional() })),
    ...listOutput,
  },
  async handler({ limit, next_token }, { heygen, call }) {
    const page = await heygen.lipsyncs.list({ limit, token: next_token }, call);
    return {
      lipsyncs: page.items.map((j) => ({ lipsync_id: j.id, status: j.status, title: j.title, created_at: j.created_at })),
      ...pageOut(page),
    };
  },
});
