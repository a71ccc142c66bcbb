import { z } from 'zod';
import { defineTool } from '../define.js';
import { heygenId, text } from '../fields.js';

export default defineTool({
  name: 'rename_lipsync',
  title: 'Rename lipsync',
  description: 'Change the title of a lipsync job.',
  toolset: 'lipsync',
  kind: 'update',
  hints: { idsFrom: 'list_lipsyncs' },
  input: () => ({ lipsync_id: heygenId(), title: text(255) }),
  output: () => ({ lipsync_id: z.string(), title: z.string().optional(), status: z.string() }),
  async handler(a, { heygen, call }) {
    const j = await heygen.lipsyncs.update(a.lipsync_id, { title: a.title }, call);
    return { lipsync_id: j.id, title: j.title, status: j.status };
  },
});
