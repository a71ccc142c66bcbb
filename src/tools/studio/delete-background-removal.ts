import { z } from 'zod';
import { defineTool } from '../define.js';
import { heygenId } from '../fields.js';

export default defineTool({
  name: 'delete_background_removal',
  title: 'Delete background removal',
  description: 'Delete a background-removal job and its layer files.',
  toolset: 'studio_extras',
  kind: 'delete',
  hints: { idsFrom: 'list_background_removals' },
  input: () => ({ job_id: heygenId() }),
  output: () => ({ job_id: z.string(), deleted: z.boolean() }),
  async handler({ job_id }, { heygen, call }) {
    const r = await heygen.studio.deleteBackgroundRemoval(job_id, call);
    return { job_id: r.id ?? job_id, deleted: r.deleted ?? true };
  },
});
