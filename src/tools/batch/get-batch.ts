import { z } from 'zod';
import { defineTool } from '../define.js';
import { heygenId } from '../fields.js';
import { pageInput, pageOutput, pageRequest, pageResult } from '../paging.js';
import { BATCH_KINDS } from './batch-fields.js';

export default defineTool({
  name: 'get_batch',
  title: 'Get batch progress',
  description: 'Progress of a video, lipsync, translation or upload batch: counts by status and each item\'s job id, paged.',
  toolset: 'batch',
  kind: 'read',
  input: () => ({
    kind: z.enum(BATCH_KINDS),
    batch_id: heygenId(),
    ...pageInput(),
  }),
  output: () => ({
    batch_id: z.string(),
    status: z.string(),
    total_items: z.number().optional(),
    counts: z.record(z.string(), z.number()),
    items: z.array(z.object({ index: z.number().optional(), status: z.string(), id: z.string().optional(), error: z.string().optional() })),
    ...pageOutput(),
  }),
  async handler(a, { heygen, call }) {
    const b = await heygen.batches.get(a.kind, a.batch_id, pageRequest(a), call);
    return {
      batch_id: b.batch_id, status: b.status, total_items: b.total_items, counts: b.counts_by_status,
      items: b.items.map((i) => ({ index: i.item_index, status: i.status, id: i.video_id, error: errorText(i.error) })),
      ...pageResult(b),
    };
  },
});

/** Batch item errors are free-form objects; an agent needs one line. */
export function errorText(e: unknown): string | undefined {
  if (e === undefined || e === null) return undefined;
  if (typeof e === 'string') return e;
  const o = e as { code?: unknown; message?: unknown };
  const text = [o.code, o.message].filter((x) => typeof x === 'string' && x).join(': ');
  return text || JSON.stringify(e).slice(0, 300);
}
