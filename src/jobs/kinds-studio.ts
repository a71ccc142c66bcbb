import type { BatchKind } from '../heygen/api/batches.js';
import type { JobKind, JobStatus } from './kind.js';

/** Job kinds of the studio extras and the batches: background removals, AI clipping, batches. */

const enc = encodeURIComponent;

export const backgroundRemovalKind: JobKind = {
  kind: 'background_removal',
  getTool: 'get_background_removal',
  resourceUri: (id) => `heygen://background-removals/${enc(id)}`,
  async fetch(heygen, id, call) {
    const j = await heygen.studio.getBackgroundRemoval(id, call);
    const done = j.status === 'completed';
    const layer = (name: string) => (typeof j.layers[name] === 'string' ? j.layers[name] as string : undefined);
    return {
      status: j.status,
      done,
      // A deleted job will never deliver its layers either.
      failed: j.status === 'failed' || j.status === 'deleted',
      ...(j.status === 'failed' || j.status === 'deleted' ? { failure_code: `background_removal_${j.status}`, failure_message: j.error ?? `HeyGen reports the job as ${j.status}.` } : {}),
      ...(done ? { progress: 100 } : {}),
      created_at: j.created_at,
      result: done ? { duration: j.duration, video_url: layer('foreground'), next: 'get_background_removal gives the URL of every layer' } : {},
    };
  },
};

export const clippingKind: JobKind = {
  kind: 'ai_clipping',
  getTool: 'get_ai_clipping',
  resourceUri: (id) => `heygen://ai-clipping/${enc(id)}`,
  async fetch(heygen, id, call) {
    const j = await heygen.studio.getClipping(id, call);
    const done = j.status === 'completed';
    const failed = j.status === 'failed' || j.status === 'cancelled';
    const best = [...j.clips].filter((c) => c.video_url).sort((a, b) => (b.virality_score ?? 0) - (a.virality_score ?? 0))[0];
    return {
      status: j.status,
      done,
      failed,
      ...(failed ? { failure_code: `ai_clipping_${j.status}`, failure_message: j.failure_message ?? `HeyGen reports the job as ${j.status}.` } : {}),
      ...(j.progress !== undefined ? { progress: j.progress } : {}),
      created_at: j.created_at,
      result: done ? { video_url: best?.video_url, clips: j.clips.length, next: 'get_ai_clipping lists every clip with its URL and score' } : {},
    };
  },
};

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
