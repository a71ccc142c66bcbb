import { z } from 'zod';
import type { ToolContext } from '../define.js';
import { httpsUrl, text } from '../fields.js';

/** Shared pieces of the batch tools. */

export const batchEnvelope = { title: text(255).optional(), callback_url: httpsUrl().optional() };

export const submittedOutput = { batch_id: z.string(), status: z.string(), total_items: z.number().optional() };

export const BATCH_KINDS = ['video', 'lipsync', 'video_translation', 'asset'] as const;

/** Records the batch as a job, links nothing (batches have no status resource), and says how to follow it. */
export async function batchStarted(ctx: ToolContext, kind: 'video' | 'lipsync' | 'video_translation', tool: string, r: { batch_id: string; status?: string | undefined; total_items?: number | undefined }, items: number) {
  const job = `${kind}_batch` as const;
  await ctx.state.jobs.record({ kind: job, id: r.batch_id, tool, createdAt: Date.now() });
  ctx.note(`Call wait_for_job {kind:'${job}', id:'${r.batch_id}'}; get_batch {kind:'${kind}'} then lists each item's id.`);
  return { batch_id: r.batch_id, status: r.status ?? 'processing', total_items: r.total_items ?? items };
}
