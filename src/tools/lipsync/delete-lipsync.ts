import { z } from 'zod';
import { defineTool } from '../define.js';
import { jobId } from '../translation/fields.js';

export default defineTool({
  name: 'delete_lipsync',
  title: 'Delete a lipsync job',
  description: 'Permanently delete a lipsync job and its output video. Cannot be undone.',
  toolset: 'lipsync',
  kind: 'delete',
  hints: { idsFrom: 'list_lipsyncs' },
  input: { lipsync_id: jobId('Lipsync job to delete.') },
  output: { lipsync_id: z.string(), deleted: z.boolean() },
  async handler({ lipsync_id }, { heygen, call }) {
    const r = await heygen.lipsyncs.delete(lipsync_id, call);
    return { lipsync_id: r.id ?? lipsync_id, deleted: true };
  },
});
