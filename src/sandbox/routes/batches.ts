import { z } from 'zod';
import { ApiError, badParam, notFound } from '../errors.js';
import { ok, page, type Ctx, type RouteDef } from '../http-server.js';
import { newId, type BatchRec } from '../jobs.js';
import { intParam, opt, parseBody, str } from '../validate.js';
import { assetStatus, directBody, openDirectUpload } from './asset.js';
import { bulkStatus, idList, videoStatus } from './common.js';
import { createBody as lipsyncBody, lipsyncView, submitLipsync } from './lipsync.js';
import { submitTranslation, translateBody, translationView } from './video-translate.js';
import { createVideo, videoCreate } from './video.js';

/**
 * Batch submissions, batch progress and the bulk status reads. Every batch and bulk entry
 * names its job id `video_id`, whatever the kind, as HeyGen does.
 */

type Kind = BatchRec['kind'];
const https = opt(z.string().regex(/^https:\/\//, 'must be an https URL'));
const envelope = { title: opt(str), callback_url: https };
const videoBatch = z.strictObject({ ...envelope, videos: z.array(videoCreate).min(1).max(100) });
const lipsyncBatch = z.strictObject({ ...envelope, lipsyncs: z.array(lipsyncBody.strict()).min(1).max(100) });
const translationBatch = z.strictObject({ ...envelope, video_translations: z.array(translateBody.strict()).min(1).max(100) });
const uploadBatch = z.strictObject({ ...envelope, files: z.array(directBody).min(1).max(100) });
const completeBatch = z.strictObject({ batch_id: z.string().min(1) });

/** Status of one job of a kind, in the bulk vocabulary (queued, processing, completed, failed, not_found). */
function statusOf(ctx: Ctx, kind: Kind, id: string): string {
  if (kind === 'video') {
    const v = ctx.state.videos.get(id);
    return v ? bulkStatus(videoStatus(ctx.core, v).status) : 'not_found';
  }
  if (kind === 'lipsync') {
    const j = ctx.state.lipsyncs.get(id);
    return j ? bulkStatus(lipsyncView(ctx, j)['status'] as string) : 'not_found';
  }
  if (kind === 'video_translation') {
    const t = ctx.state.translations.get(id);
    return t ? bulkStatus(translationView(ctx, t)['status'] as string) : 'not_found';
  }
  const a = ctx.state.assets.get(id);
  if (!a) return 'not_found';
  const st = assetStatus(ctx, a);
  return st === 'pending_upload' || st === 'uploaded' ? 'queued' : st;
}

function entry(ctx: Ctx, kind: Kind, id: string, batchId: string | null, index: number | null): Record<string, unknown> {
  const status = statusOf(ctx, kind, id);
  return {
    video_id: id, status, batch_id: batchId, item_index: index,
    error: status === 'not_found' ? { code: 'not_found', message: `No ${kind.replace('_', ' ')} with this id` } : null,
  };
}

function newBatch(ctx: Ctx, kind: Kind, title: string | null | undefined, ids: string[]): BatchRec {
  const b: BatchRec = { id: newId(), kind, title: title ?? null, createdAt: ctx.core.nowSec(), ids, completedMs: null };
  ctx.state.batches.set(b.id, b);
  return b;
}

function batchView(ctx: Ctx, b: BatchRec): Record<string, unknown> {
  const limit = intParam(ctx.query, 'limit', 1, 100, 100);
  const token = ctx.query['token'];
  let offset = 0;
  if (token) {
    offset = Number(/^o(\d+)$/.exec(token)?.[1] ?? NaN);
    if (!Number.isInteger(offset)) throw badParam('token', "'token' is not a valid pagination token for this batch");
  }
  const all = b.ids.map((id, i) => entry(ctx, b.kind, id, b.id, i));
  const counts: Record<string, number> = {};
  for (const e of all) counts[e['status'] as string] = (counts[e['status'] as string] ?? 0) + 1;
  const settled = all.every((e) => e['status'] === 'completed' || e['status'] === 'failed');
  const status = !settled ? 'processing' : all.every((e) => e['status'] === 'failed') ? 'failed' : 'completed';
  const items = all.slice(offset, offset + limit).map(({ batch_id: _b, ...rest }) => rest);
  const more = offset + limit < all.length;
  return {
    batch_id: b.id, status, title: b.title, total_items: all.length, counts_by_status: counts, created_at: b.createdAt,
    items, has_more: more, next_token: more ? `o${offset + limit}` : null,
  };
}

function requireBatch(ctx: Ctx, kind: Kind): BatchRec {
  const id = ctx.params['batch_id'] ?? '';
  const b = ctx.state.batches.get(id);
  if (!b || b.kind !== kind) throw notFound('not_found', 'Batch', id);
  return b;
}

/** Runs each item's own validation with its index in the field name, so one bad item names itself. */
function eachItem<T, R>(items: T[], field: string, run: (item: T, prefix: string) => R): R[] {
  return items.map((item, i) => {
    try {
      return run(item, `${field}.${i}.`);
    } catch (err) {
      if (err instanceof ApiError && err.param && !err.param.startsWith(field)) throw new ApiError(err.status, err.code, err.message, `${field}.${i}.${err.param}`);
      throw err;
    }
  });
}

function statusesRoute(kind: Kind, path: string, idsParam: string): RouteDef {
  return {
    method: 'GET', path, handler: (ctx) => {
      const ids = idList(ctx.query, idsParam);
      const batchIds = idList(ctx.query, 'batch_ids');
      if (!ids.length && !batchIds.length) throw badParam(idsParam, `Give '${idsParam}' and/or 'batch_ids'`);
      const data = ids.map((id) => entry(ctx, kind, id, null, null));
      for (const bid of batchIds) {
        const b = ctx.state.batches.get(bid);
        if (b && b.kind === kind) b.ids.forEach((id, i) => data.push(entry(ctx, kind, id, b.id, i)));
      }
      return page({ data, has_more: false, next_token: null });
    },
  };
}

export const batchRoutes: RouteDef[] = [
  {
    method: 'POST', path: '/v3/videos/batches', handler: (ctx) => {
      const b = parseBody(videoBatch, ctx.body);
      const ids = eachItem(b.videos, 'videos', (v) => createVideo(ctx, v).id);
      const batch = newBatch(ctx, 'video', b.title, ids);
      return ok({ batch_id: batch.id, status: 'processing', total_items: ids.length }, 202);
    },
  },
  {
    method: 'POST', path: '/v3/lipsyncs/batches', handler: (ctx) => {
      const b = parseBody(lipsyncBatch, ctx.body);
      const ids = eachItem(b.lipsyncs, 'lipsyncs', (l, prefix) => submitLipsync(ctx, l, prefix).id);
      const batch = newBatch(ctx, 'lipsync', b.title, ids);
      return ok({ batch_id: batch.id, status: 'processing', total_items: ids.length }, 202);
    },
  },
  {
    method: 'POST', path: '/v3/video-translations/batches', handler: (ctx) => {
      const b = parseBody(translationBatch, ctx.body);
      // One item per output language: a translation item names exactly one.
      const ids = eachItem(b.video_translations, 'video_translations', (t, prefix) => {
        if (t.output_languages.length !== 1) throw badParam(`${prefix}output_languages`, 'Each batch item translates into exactly one language');
        return submitTranslation(ctx, t, prefix)[0] as string;
      });
      const batch = newBatch(ctx, 'video_translation', b.title, ids);
      return ok({ batch_id: batch.id, status: 'processing', total_items: ids.length }, 202);
    },
  },
  {
    method: 'POST', path: '/v3/assets/direct-uploads/batches', handler: (ctx) => {
      const b = parseBody(uploadBatch, ctx.body);
      const items = eachItem(b.files, 'files', (f) => openDirectUpload(ctx, f));
      const batch = newBatch(ctx, 'asset', b.title, items.map((i) => i['asset_id'] as string));
      return ok({ batch_id: batch.id, items });
    },
  },
  {
    method: 'POST', path: '/v3/assets/complete/batches', handler: (ctx) => {
      const b = parseBody(completeBatch, ctx.body);
      const batch = ctx.state.batches.get(b.batch_id);
      if (!batch || batch.kind !== 'asset') throw notFound('not_found', 'Batch', b.batch_id);
      for (const id of batch.ids) {
        const a = ctx.state.assets.get(id);
        // Files whose bytes never arrived stay as they are; the others start processing.
        if (a && a.status === 'uploaded') { a.status = 'processing'; a.completedMs = ctx.core.nowMs(); }
      }
      batch.completedMs ??= ctx.core.nowMs();
      return ok({ batch_id: batch.id, status: 'processing' }, 202);
    },
  },
  { method: 'GET', path: '/v3/videos/batches/{batch_id}', handler: (ctx) => ok(batchView(ctx, requireBatch(ctx, 'video'))) },
  { method: 'GET', path: '/v3/lipsyncs/batches/{batch_id}', handler: (ctx) => ok(batchView(ctx, requireBatch(ctx, 'lipsync'))) },
  { method: 'GET', path: '/v3/video-translations/batches/{batch_id}', handler: (ctx) => ok(batchView(ctx, requireBatch(ctx, 'video_translation'))) },
  { method: 'GET', path: '/v3/assets/batches/{batch_id}', handler: (ctx) => ok(batchView(ctx, requireBatch(ctx, 'asset'))) },
  statusesRoute('video', '/v3/videos/statuses', 'video_ids'),
  statusesRoute('lipsync', '/v3/lipsyncs/statuses', 'lipsync_ids'),
  statusesRoute('video_translation', '/v3/video-translations/statuses', 'video_translation_ids'),
  statusesRoute('asset', '/v3/assets/statuses', 'asset_ids'),
];
