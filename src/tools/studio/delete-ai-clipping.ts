import { z } from 'zod';
import { defineTool } from '../define.js';
import { heygenId } from '../fields.js';

export default defineTool({
  name: 'delete_ai_clipping',
  title: 'Delete AI clipping job',
  description: 'Delete a clipping job and all its clips.',
  toolset: 'studio_extras',
  kind: 'delete',
  hints: { idsFrom: 'list_ai_clippings' },
  input: () => ({ job_id: heygenId() }),
  output: () => ({ job_id: z.string(), deleted: z.boolean() }),
  async handler({ job_id }, { heygen, call }) {
    const r = await heygen.studio.deleteClipping(job_id, call);
    return { job_id: r.id ?? job_id, deleted: true };
  },
});
