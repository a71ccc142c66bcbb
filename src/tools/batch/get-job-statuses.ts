import { z } from 'zod';
import { defineTool } from '../define.js';
import { InputError } from '../../errors.js';
import { heygenId } from '../fields.js';
import { BATCH_KINDS } from './batch-fields.js';
import { errorText } from './get-batch.js';

export default defineTool({
  name: 'get_job_statuses',
  title: 'Statuses of many jobs',
  description: 'One read for up to 100 videos, lipsyncs, translations or assets by id and/or batch id: each one\'s status.',
  toolset: 'batch',
  kind: 'read',
  input: () => ({
    kind: z.enum(BATCH_KINDS),
    ids: z.array(heygenId()).max(100).optional().describe('job ids of that kind'),
    batch_ids: z.array(heygenId()).max(100).optional(),
  }),
  output: () => ({
    statuses: z.array(z.object({ id: z.string().optional(), status: z.string(), batch_id: z.string().optional(), index: z.number().optional(), error: z.string().optional() })),
  }),
  async handler(a, { heygen, call }) {
    if (!a.ids?.length && !a.batch_ids?.length) throw new InputError('ids', 'give ids, batch_ids or both');
    const page = await heygen.batches.statuses(a.kind, a.ids ?? [], a.batch_ids ?? [], call);
    return { statuses: page.items.map((s) => ({ id: s.video_id, status: s.status, batch_id: s.batch_id, index: s.item_index, error: errorText(s.error) })) };
  },
});
