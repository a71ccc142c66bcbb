import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Dispatcher } from 'undici';
import { MULTIPART_MAX_BYTES, type UploadBody } from '../heygen/api/assets.js';
import type { HeyGenClient } from '../heygen/client.js';
import type { CallOptions } from '../heygen/http.js';
import type { OpenedFile } from './local-file.js';
import type { MediaKind } from './sniff.js';

/** Largest file HeyGen accepts through a direct upload. */
export const DIRECT_MAX_BYTES = 5 * 1024 * 1024 * 1024;

let multipartMax = MULTIPART_MAX_BYTES;

/** Test-only: a small multipart threshold, so the direct path can be exercised without 32 MB files. */
export function setMultipartThresholdForTests(bytes?: number): void {
  multipartMax = bytes ?? MULTIPART_MAX_BYTES;
}

/** Something to upload: its size, type, name, and a way to read it from the start (once per pass). */
export interface UploadSource {
  size: number;
  kind: MediaKind;
  filename: string;
  read(): UploadBody;
}

export function fileSource(file: OpenedFile, name: string): UploadSource {
  return {
    size: file.size, kind: file.kind, filename: withExtension(name, file.kind.ext),
    // Positional reads from offset 0 on the descriptor that was checked; it stays open for the next pass.
    read: () => file.handle.createReadStream({ start: 0, end: file.size - 1, autoClose: false, highWaterMark: 256 * 1024 }),
  };
}

export function bufferSource(data: Buffer, kind: MediaKind, name: string): UploadSource {
  return { size: data.length, kind, filename: withExtension(name, kind.ext), read: () => data };
}

/** Keeps the caller's name but makes its extension match the sniffed type. */
export function withExtension(name: string, ext: string): string {
  const base = basename(name).replace(/[^\w.\- ]+/g, '_').slice(0, 120) || 'upload';
  const current = extname(base).slice(1).toLowerCase();
  if (current === ext || (ext === 'jpg' && current === 'jpeg')) return base;
  return `${base.slice(0, base.length - extname(base).length) || 'upload'}.${ext}`;
}

export interface UploadResult {
  asset_id: string;
  url?: string | undefined;
  mime_type: string;
  size_bytes: number;
  status?: string | undefined;
  upload_method: 'multipart' | 'direct';
}

export interface UploadOptions {
  call: CallOptions;
  /** Dispatcher for the presigned PUT (tests inject one). */
  fileDispatcher?: Dispatcher | undefined;
  onProgress?: ((sent: number, total: number) => void) | undefined;
}

/**
 * Uploads a source as a HeyGen asset: the multipart endpoint up to 32 MB, otherwise a direct
 * upload (slot → PUT to the presigned URL → complete) with a SHA-256 the storage side enforces.
 * Both paths stream, so memory stays flat whatever the file size.
 */
export async function uploadSource(heygen: HeyGenClient, src: UploadSource, opts: UploadOptions): Promise<UploadResult> {
  const { call } = opts;
  if (src.size <= multipartMax) {
    const r = await heygen.assets.uploadMultipart(counted(src, opts.onProgress), src.filename, src.kind.mime, src.size, call);
    return { asset_id: r.asset_id, url: r.url, mime_type: r.mime_type ?? src.kind.mime, size_bytes: r.size_bytes ?? src.size, status: r.status, upload_method: 'multipart' };
  }
  const checksum = await sha256(src);
  const slot = await heygen.assets.createDirectUpload({ filename: src.filename, content_type: src.kind.mime, size_bytes: src.size, checksum_sha256: checksum }, call);
  await heygen.assets.putToUploadUrl(slot, counted(src, opts.onProgress), src.size, { signal: call.signal, dispatcher: opts.fileDispatcher });
  const done = await heygen.assets.completeUpload(slot.asset_id, { checksum_sha256: checksum }, call);
  return { asset_id: done.asset_id, url: done.url, mime_type: done.mime_type ?? src.kind.mime, size_bytes: done.size_bytes ?? src.size, status: done.status, upload_method: 'direct' };
}

async function sha256(src: UploadSource): Promise<string> {
  const hash = createHash('sha256');
  const body = src.read();
  if (Buffer.isBuffer(body)) return hash.update(body).digest('hex');
  await pipeline(body, new Transform({ transform(chunk: Buffer, _e, cb) { hash.update(chunk); cb(); } }));
  return hash.digest('hex');
}

/** The source's bytes, reporting progress about every 5 %. */
function counted(src: UploadSource, onProgress: UploadOptions['onProgress']): UploadBody {
  const body = src.read();
  if (!onProgress) return body;
  let sent = 0;
  let next = 0;
  const step = Math.max(1, Math.floor(src.size / 20));
  const tap = new Transform({
    transform(chunk: Buffer, _e, cb) {
      sent += chunk.length;
      if (sent >= next) { next = sent + step; onProgress(sent, src.size); }
      cb(null, chunk);
    },
  });
  return (Buffer.isBuffer(body) ? Readable.from([body]) : body).pipe(tap);
}
