import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';
import { request } from '../../net/undici.js';
import { z } from 'zod';
import { HeyGenError } from '../errors.js';
import { seg, TIMEOUTS, type CallOptions, type HeyGenHttp, type Page } from '../http.js';
import { pageQuery, type PageParams } from '../pagination.js';

/** POST /v3/assets takes files up to 32 MB; larger ones go through direct uploads. */
export const MULTIPART_MAX_BYTES = 32 * 1024 * 1024;

export const UploadedAsset = z.object({
  asset_id: z.string(),
  url: z.string().optional(),
  mime_type: z.string().optional(),
  size_bytes: z.number().optional(),
  status: z.string().optional(),
});
export type UploadedAsset = z.output<typeof UploadedAsset>;

export const DirectUpload = z.object({
  asset_id: z.string(),
  upload_url: z.string(),
  upload_headers: z.record(z.string(), z.coerce.string()).default({}),
  expires_in_seconds: z.number().optional(),
  max_bytes: z.number().optional(),
  status: z.string().optional(),
});
export type DirectUpload = z.output<typeof DirectUpload>;

export const Asset = z.object({
  id: z.string(),
  name: z.string().optional(),
  type: z.string().optional(),
  owner: z.string().optional(),
  space_id: z.string().optional(),
  folder_id: z.string().optional(),
  uploaded_at: z.number().optional(),
  url: z.string().optional(),
});
export type Asset = z.output<typeof Asset>;

const Deleted = z.object({ id: z.string().optional() });

/** An image or icon from the asset search (public library or the caller's own). */
export const FoundAsset = z.object({
  id: z.string(),
  type: z.string().optional(),
  url: z.string(),
  width: z.number().optional(),
  height: z.number().optional(),
  orientation: z.string().optional(),
  is_transparent: z.boolean().optional(),
});

export interface AssetListParams extends PageParams { username: string; folder_id?: string | undefined }
export interface AssetSearchParams extends PageParams { query: string; type: 'image' | 'icon'; scope?: 'public' | 'personal' | undefined }
/** GET /v3/assets/search returns at most 50 results per page. */
const SEARCH_PAGE_MAX = 50;

export interface DirectUploadRequest {
  filename: string;
  content_type: string;
  size_bytes: number;
  /** Hex SHA-256; when sent, the storage side rejects bytes that do not match. */
  checksum_sha256?: string | undefined;
}

/** Bytes to send: an in-memory buffer, or a factory for a fresh stream (a file read from offset 0). */
export type UploadBody = Buffer | Readable;

/** Keeps a Content-Disposition filename to printable ASCII without quotes or line breaks. */
export function safePartFilename(name: string): string {
  const cleaned = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_').trim();
  return cleaned.slice(-200) || 'upload';
}

/**
 * A multipart/form-data body with one part named `file`, produced as a stream: preamble, the
 * file's own stream, epilogue. Its length is known exactly, so nothing has to be buffered.
 */
export function multipartBody(file: UploadBody, filename: string, contentType: string, size: number): { stream: Readable; contentType: string; length: number } {
  const boundary = `----heygen-mcp-${randomBytes(12).toString('hex')}`;
  const preamble = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${safePartFilename(filename)}"\r\n` +
    `Content-Type: ${contentType.replace(/[\r\n]/g, '')}\r\n\r\n`,
  );
  const epilogue = Buffer.from(`\r\n--${boundary}--\r\n`);
  async function* parts(): AsyncGenerator<Buffer> {
    yield preamble;
    if (Buffer.isBuffer(file)) yield file;
    else for await (const chunk of file) yield Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    yield epilogue;
  }
  return {
    stream: Readable.from(parts(), { objectMode: false }),
    contentType: `multipart/form-data; boundary=${boundary}`,
    length: preamble.length + size + epilogue.length,
  };
}

export class AssetsApi {
  constructor(private readonly http: HeyGenHttp) {}

  /** POST /v3/assets — multipart upload (≤ 32 MB), streamed; sent once, never replayed. */
  uploadMultipart(file: UploadBody, filename: string, contentType: string, size: number, opts?: CallOptions): Promise<UploadedAsset> {
    const body = multipartBody(file, filename, contentType, size);
    return this.http.data({
      method: 'POST', path: '/v3/assets', timeoutMs: TIMEOUTS.UPLOAD,
      raw: { body: body.stream, contentType: body.contentType, contentLength: body.length },
    }, UploadedAsset, opts);
  }

  /** POST /v3/assets/direct-uploads — one presigned upload slot. */
  createDirectUpload(req: DirectUploadRequest, opts?: CallOptions): Promise<DirectUpload> {
    return this.http.data({ method: 'POST', path: '/v3/assets/direct-uploads', body: req }, DirectUpload, opts);
  }

  /**
   * PUT of the raw bytes to a presigned `upload_url`: exactly the `upload_headers` HeyGen gave,
   * plus the length, and never the API key (the URL belongs to the storage host, not HeyGen).
   */
  async putToUploadUrl(slot: Pick<DirectUpload, 'upload_url' | 'upload_headers'>, body: UploadBody | AsyncIterable<Buffer>, size: number, opts: CallOptions & { dispatcher?: Dispatcher | undefined } = {}): Promise<void> {
    const timer = AbortSignal.timeout(TIMEOUTS.UPLOAD);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timer]) : timer;
    const headers: Record<string, string> = { ...slot.upload_headers, 'content-length': String(size) };
    let status: number;
    let text = '';
    try {
      const res = await request(slot.upload_url, {
        // undici sends an async iterable chunk by chunk, waiting for drain (its types omit it).
        method: 'PUT', headers, body: body as UploadBody, signal, dispatcher: opts.dispatcher,
        headersTimeout: TIMEOUTS.UPLOAD, bodyTimeout: TIMEOUTS.UPLOAD,
      });
      status = res.statusCode;
      text = status >= 300 ? (await res.body.text()).slice(0, 2000) : '';
      if (status < 300) await res.body.dump();
    } catch (err) {
      if (opts.signal?.aborted) throw opts.signal.reason ?? err;
      const timeout = timer.aborted;
      throw new HeyGenError({
        code: timeout ? 'timeout' : 'network_error', method: 'PUT', path: 'upload_url', cause: err,
        message: timeout ? 'The upload to the storage URL did not finish within 10 minutes' : 'The upload to the storage URL failed before it was acknowledged',
      });
    }
    if (status >= 300) {
      // Storage errors are S3-style XML: keep only the code, never the body.
      const code = /<Code>([A-Za-z]{1,64})<\/Code>/.exec(text)?.[1] ?? `HTTP ${status}`;
      throw new HeyGenError({ code: 'upload_rejected', status, method: 'PUT', path: 'upload_url', message: `The storage URL refused the upload (${code})` });
    }
  }

  /** POST /v3/assets/{asset_id}/complete — finalises a direct upload; idempotent. */
  completeUpload(assetId: string, body: { checksum_sha256?: string | undefined } = {}, opts?: CallOptions): Promise<UploadedAsset> {
    return this.http.data({ method: 'POST', path: `/v3/assets/${seg(assetId)}/complete`, body }, UploadedAsset, opts);
  }

  /** GET /v3/assets/{asset_id} — metadata and public URL. */
  get(assetId: string, opts?: CallOptions): Promise<Asset> {
    return this.http.data({ method: 'GET', path: `/v3/assets/${seg(assetId)}` }, Asset, opts);
  }

  /** GET /v3/assets — (beta) one workspace member's assets, newest first; `username` is required for now. */
  list(params: AssetListParams, opts?: CallOptions): Promise<Page<Asset>> {
    return this.http.page({ method: 'GET', path: '/v3/assets', query: { username: params.username, folder_id: params.folder_id, ...pageQuery(params) } }, Asset, opts);
  }

  /** GET /v3/assets/search — semantic search of images or icons. */
  search(params: AssetSearchParams, opts?: CallOptions): Promise<Page<z.output<typeof FoundAsset>>> {
    return this.http.page({ method: 'GET', path: '/v3/assets/search', query: { query: params.query, type: params.type, scope: params.scope, ...pageQuery(params, SEARCH_PAGE_MAX) } }, FoundAsset, opts);
  }

  /** DELETE /v3/assets/{asset_id} — permanent. */
  async delete(assetId: string, opts?: CallOptions): Promise<{ id: string }> {
    const r = await this.http.data({ method: 'DELETE', path: `/v3/assets/${seg(assetId)}` }, Deleted, opts);
    return { id: r.id ?? assetId };
  }
}
