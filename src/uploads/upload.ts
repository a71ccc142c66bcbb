import { createHash, type Hash } from 'node:crypto';
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
  /** Feeds every byte to `hash` without allocating per chunk (one reused buffer). */
  hashInto?(hash: Hash): Promise<void>;
  /** The bytes as chunks from a small ring of reused buffers, for a consumer that honours backpressure. */
  ring?(): AsyncIterable<Buffer>;
}

export function fileSource(file: OpenedFile, name: string): UploadSource {
  return {
    size: file.size, kind: file.kind, filename: withExtension(name, file.kind.ext),
    // Positional reads from offset 0 on the descriptor that was checked; it stays open for the next pass.
    read: () => file.handle.createReadStream({ start: 0, end: file.size - 1, autoClose: false, highWaterMark: 64 * 1024 }),
    ring: () => ringChunks(file, 4, 64 * 1024),
    async hashInto(hash) {
      const buf = Buffer.allocUnsafe(256 * 1024);
      for (let pos = 0; pos < file.size;) {
        const { bytesRead } = await file.handle.read(buf, 0, Math.min(buf.length, file.size - pos), pos);
        if (bytesRead === 0) throw new Error('the file shrank while it was being read');
        hash.update(buf.subarray(0, bytesRead));
        pos += bytesRead;
      }
    },
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
  const body = src.ring ? reporting(src.ring(), src.size, opts.onProgress) : counted(src, opts.onProgress);
  await heygen.assets.putToUploadUrl(slot, body, src.size, { signal: call.signal, dispatcher: opts.fileDispatcher });
  const done = await heygen.assets.completeUpload(slot.asset_id, { checksum_sha256: checksum }, call);
  return { asset_id: done.asset_id, url: done.url, mime_type: done.mime_type ?? src.kind.mime, size_bytes: done.size_bytes ?? src.size, status: done.status, upload_method: 'direct' };
}

async function sha256(src: UploadSource): Promise<string> {
  const hash = createHash('sha256');
  if (src.hashInto) {
    await src.hashInto(hash);
    return hash.digest('hex');
  }
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

/**
 * Reads the file into a ring of `count` buffers, yielding each in turn. A buffer is reused only
 * after `count - 1` later chunks were accepted: undici writes an async-iterable body one chunk at
 * a time and waits for 'drain' whenever the socket queue passes its high-water mark (16 KB, less
 * than one chunk), so by then the socket no longer holds it. This keeps an upload of any size from
 * churning through fresh buffers faster than the GC returns them. The storage side checks the
 * SHA-256, so a violated assumption would fail loudly, not corrupt silently.
 */
async function* ringChunks(file: OpenedFile, count: number, chunkSize: number): AsyncGenerator<Buffer> {
  const ring = Array.from({ length: count }, () => Buffer.allocUnsafe(chunkSize));
  for (let pos = 0, i = 0; pos < file.size; i++) {
    const buf = ring[i % count] as Buffer;
    const { bytesRead } = await file.handle.read(buf, 0, Math.min(chunkSize, file.size - pos), pos);
    if (bytesRead === 0) throw new Error('the file shrank while it was being uploaded');
    pos += bytesRead;
    yield buf.subarray(0, bytesRead);
  }
}

async function* reporting(chunks: AsyncIterable<Buffer>, total: number, onProgress: UploadOptions['onProgress']): AsyncGenerator<Buffer> {
  let sent = 0;
  let next = 0;
  const step = Math.max(1, Math.floor(total / 20));
  for await (const chunk of chunks) {
    sent += chunk.length;
    if (onProgress && sent >= next) { next = sent + step; onProgress(sent, total); }
    yield chunk;
  }
}
