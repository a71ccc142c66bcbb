import { z } from 'zod';
import { defineTool } from '../define.js';
import { heygenId } from '../fields.js';

export default defineTool({
  name: 'get_lipsync',
  title: 'Get lipsync',
  description: 'Status of a lipsync job and, once completed, its video and caption URLs.',
  toolset: 'lipsync',
  kind: 'read',
  hints: { idsFrom: 'list_lipsyncs' },
  input: () => ({ lipsync_id: heygenId() }),
  output: () => ({
    lipsync_id: z.string(),
    status: z.string(),
    title: z.string().optional(),
    duration: z.number().optional(),
    video_url: z.string().optional(),
    caption_url: z.string().optional(),
    failure_message: z.string().optional(),
  }),
  async handler({ lipsync_id }, { heygen, call }) {
    const { id, created_at: _c, callback_id: _cb, ...j } = await heygen.lipsyncs.get(lipsync_id, call);
    return { ...j, lipsync_id: id };
  },
});
