import type { BatchKind } from '../heygen/api/batches.js';
import type { JobKind, JobStatus } from './kind.js';

/** Job kinds of the batch endpoints: one per batch kind, read the same way. */

const enc = encodeURIComponent;

function batchKind(kind: BatchKind, name: JobKind['kind'], uri: string): JobKind {
  return {
    kind: name,
    getTool: 'get_batch',
    resourceUri: (id) => `heygen://${uri}/${enc(id)}`,
    async fetch(heygen, id, call): Promise<JobStatus> {
      const b = await heygen.batches.get(kind, id, { limit: 1 }, call);
      const counts = b.counts_by_status;
      const total = b.total_items ?? Object.values(counts).reduce((s, n) => s + n, 0);
      const settled = (counts.completed ?? 0) + (counts.failed ?? 0);
      const done = b.status === 'completed';
      const failed = b.status === 'failed';
      return {
        status: b.status,
        done,
        failed,
        ...(failed ? { failure_code: 'batch_failed', failure_message: 'Every item of the batch failed; get_batch shows each error.' } : {}),
        ...(total > 0 ? { progress: Math.round((settled / total) * 100) } : {}),
        created_at: b.created_at,
        result: { completed: counts.completed ?? 0, failed_items: counts.failed ?? 0, total, ...(done ? { next: `get_batch {kind:"${kind}"} lists each item's id; failed items: ${counts.failed ?? 0}` } : {}) },
      };
    },
  };
}

export const videoBatchKind = batchKind('video', 'video_batch', 'videos/batches');
export const lipsyncBatchKind = batchKind('lipsync', 'lipsync_batch', 'lipsyncs/batches');
export const translationBatchKind = batchKind('video_translation', 'video_translation_batch', 'video-translations/batches');
export const assetBatchKind = batchKind('asset', 'asset_batch', 'assets/batches');
