import { z } from 'zod';
import { defineTool } from '../define.js';
import { heygenId } from '../fields.js';

export default defineTool({
  name: 'delete_lipsync',
  title: 'Delete lipsync',
  description: 'Delete a lipsync job and its video.',
  toolset: 'lipsync',
  kind: 'delete',
  hints: { idsFrom: 'list_lipsyncs' },
  input: () => ({ lipsync_id: heygenId() }),
  output: () => ({ lipsync_id: z.string(), deleted: z.boolean() }),
  async handler({ lipsync_id }, { heygen, call }) {
    const r = await heygen.lipsyncs.delete(lipsync_id, call);
    return { lipsync_id: r.id ?? lipsync_id, deleted: true };
  },
});
