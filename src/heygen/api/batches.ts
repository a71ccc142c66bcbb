import { z } from 'zod';
import { seg, type CallOptions, type HeyGenHttp, type Page } from '../http.js';
import { pageOf, pageQuery, type PageParams } from '../pagination.js';
import { DirectUpload, type DirectUploadRequest } from './assets.js';
import type { LipsyncCreate } from './lipsyncs.js';
import type { TranslationCreate } from './translations.js';

/** Batch submissions, batch progress and the bulk `statuses` reads of v3. */

export type BatchKind = 'video' | 'lipsync' | 'video_translation' | 'asset';

const BATCH_PATH: Record<BatchKind, string> = {
  video: '/v3/videos/batches',
  lipsync: '/v3/lipsyncs/batches',
  video_translation: '/v3/video-translations/batches',
  asset: '/v3/assets/batches',
};

const STATUS_PATH: Record<BatchKind, { path: string; ids: string }> = {
  video: { path: '/v3/videos/statuses', ids: 'video_ids' },
  lipsync: { path: '/v3/lipsyncs/statuses', ids: 'lipsync_ids' },
  video_translation: { path: '/v3/video-translations/statuses', ids: 'video_translation_ids' },
  asset: { path: '/v3/assets/statuses', ids: 'asset_ids' },
};

// Batch and bulk entries name every id `video_id`, whatever the kind.
export const BatchItem = z.object({
  item_index: z.number().optional(),
  status: z.string(),
  video_id: z.string().optional(),
  batch_id: z.string().optional(),
  error: z.unknown().optional(),
});
export type BatchItem = z.output<typeof BatchItem>;

export const Batch = z.object({
  batch_id: z.string(),
  status: z.string(),
  title: z.string().optional(),
  total_items: z.number().optional(),
  counts_by_status: z.record(z.string(), z.number()).default({}),
  created_at: z.number().optional(),
  items: z.array(BatchItem).default([]),
  has_more: z.boolean().optional(),
  next_token: z.string().optional(),
});

/** A batch read: the batch, and its items as a page like any other list. */
export type BatchPage = Omit<z.output<typeof Batch>, 'items' | 'has_more' | 'next_token'> & Page<BatchItem>;

// Three batch creates have no response schema in the spec (HTTP 202); parse defensively.
const Submitted = z.object({ batch_id: z.string(), status: z.string().optional(), total_items: z.number().optional() });

export const UploadSlots = z.object({
  batch_id: z.string(),
  // Each slot is what a single direct upload answers.
  items: z.array(DirectUpload).default([]),
});

export interface BatchEnvelope { title?: string; callback_url?: string }

export class BatchesApi {
  constructor(private readonly http: HeyGenHttp) {}

  /** POST /v3/videos/batches — up to 100 POST /v3/videos bodies at once. */
  createVideos(body: BatchEnvelope & { videos: Record<string, unknown>[] }, opts?: CallOptions): Promise<z.output<typeof Submitted>> {
    return this.http.data({ method: 'POST', path: '/v3/videos/batches', body }, Submitted, opts);
  }

  /** POST /v3/lipsyncs/batches — up to 100 lipsync jobs. */
  createLipsyncs(body: BatchEnvelope & { lipsyncs: LipsyncCreate[] }, opts?: CallOptions): Promise<z.output<typeof Submitted>> {
    return this.http.data({ method: 'POST', path: '/v3/lipsyncs/batches', body }, Submitted, opts);
  }

  /** POST /v3/video-translations/batches — up to 100 translation payloads. */
  createTranslations(body: BatchEnvelope & { video_translations: TranslationCreate[] }, opts?: CallOptions): Promise<z.output<typeof Submitted>> {
    return this.http.data({ method: 'POST', path: '/v3/video-translations/batches', body }, Submitted, opts);
  }

  /** POST /v3/assets/direct-uploads/batches — up to 100 presigned upload slots. */
  createUploadSlots(body: BatchEnvelope & { files: DirectUploadRequest[] }, opts?: CallOptions): Promise<z.output<typeof UploadSlots>> {
    return this.http.data({ method: 'POST', path: '/v3/assets/direct-uploads/batches', body }, UploadSlots, opts);
  }

  /** POST /v3/assets/complete/batches — finalises every uploaded file of a batch (async, idempotent). */
  async completeUploads(batchId: string, opts?: CallOptions): Promise<{ batch_id: string; status?: string | undefined }> {
    const r = await this.http.data({ method: 'POST', path: '/v3/assets/complete/batches', body: { batch_id: batchId } }, Submitted.partial(), opts);
    return { batch_id: r.batch_id ?? batchId, status: r.status };
  }

  /**
   * GET /v3/{videos|lipsyncs|video-translations|assets}/batches/{batch_id} — progress and items.
   * The one v3 read whose cursor sits inside `data`: it comes back as an ordinary page.
   */
  async get(kind: BatchKind, batchId: string, params: PageParams = {}, opts?: CallOptions): Promise<BatchPage> {
    const { items, has_more, next_token, ...batch } = await this.http.data({ method: 'GET', path: `${BATCH_PATH[kind]}/${seg(batchId)}`, query: pageQuery(params) }, Batch, opts);
    return { ...batch, ...pageOf(items, has_more, next_token) };
  }

  /** GET /v3/{…}/statuses — comma-separated ids and/or batch ids, ≤ 100 each; no paging token. */
  statuses(kind: BatchKind, ids: string[], batchIds: string[], opts?: CallOptions): Promise<Page<BatchItem>> {
    const s = STATUS_PATH[kind];
    return this.http.page({ method: 'GET', path: s.path, query: { [s.ids]: ids.join(',') || undefined, batch_ids: batchIds.join(',') || undefined } }, BatchItem, opts);
  }
}
