import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, realpath, rename, rm } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { request, type Dispatcher } from 'undici';
import { InputError, ToolRefusal } from '../errors.js';

export const MAX_DOWNLOAD_BYTES = 2 * 1024 ** 3;
const MAX_REDIRECTS = 3;
const TIMEOUT_MS = 600_000;

/** A file host answered 403/404: a presigned URL that expired. Reading the video again gives a fresh one. */
export class ExpiredUrl extends Error {
  override readonly name = 'ExpiredUrl';
  constructor(readonly status: number) { super(`file host answered ${status}`); }
}

/**
 * A plain file name inside the download dir. Folder parts and `..` are refused outright (an agent
 * asking for them wants something this tool will not do); control characters are dropped.
 */
export function safeFileName(wanted: string | undefined, fallbackBase: string, ext: string): string {
  if (wanted === undefined) return `${fallbackBase.replace(/[^A-Za-z0-9_.-]/g, '_')}${ext}`;
  const cleaned = [...wanted].filter((c) => c.charCodeAt(0) > 0x1f && c.charCodeAt(0) !== 0x7f).join('').trim();
  if (/[/\\]/.test(cleaned) || cleaned.split('.').every((p) => p === '') || cleaned.includes('..')) {
    throw new InputError('filename', 'a plain file name, without folders or ".."');
  }
  if (cleaned.startsWith('.')) throw new InputError('filename', 'must not start with a dot');
  if (cleaned.length > 200) throw new InputError('filename', 'at most 200 characters');
  return extname(cleaned) ? cleaned : `${cleaned}${ext}`;
}

/** Resolves `name` inside `dir` (created if needed) and proves the result stays inside. */
export async function targetPath(dir: string, name: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const root = await realpath(dir);
  const full = resolve(root, name);
  if (!full.startsWith(root + sep)) throw new ToolRefusal('Refused: the file would land outside the download directory.');
  return full;
}

export interface Downloaded { path: string; size: number; contentType: string | undefined }

/**
 * Streams `url` into `path` via a temp file in the same directory, renamed into place only when
 * complete. Sends no HeyGen credentials: presigned file URLs carry their own signature.
 */
export async function downloadTo(url: string, path: string, opts: { dispatcher?: Dispatcher | undefined; signal?: AbortSignal | undefined; maxBytes?: number }): Promise<Downloaded> {
  const max = opts.maxBytes ?? MAX_DOWNLOAD_BYTES;
  let current = url;
  for (let hop = 0; ; hop++) {
    const u = new URL(current);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new ToolRefusal(`Refused to fetch a ${u.protocol} URL.`);
    const res = await request(current, {
      method: 'GET',
      headers: { accept: 'video/*, */*' },
      dispatcher: opts.dispatcher,
      signal: opts.signal,
      headersTimeout: 30_000,
      bodyTimeout: TIMEOUT_MS,
    });
    const location = res.headers['location'];
    if (res.statusCode >= 300 && res.statusCode < 400 && typeof location === 'string') {
      res.body.resume();
      if (hop >= MAX_REDIRECTS) throw new ToolRefusal('The file host redirected too many times.');
      current = new URL(location, current).toString();
      continue;
    }
    if (res.statusCode === 403 || res.statusCode === 404) { res.body.resume(); throw new ExpiredUrl(res.statusCode); }
    if (res.statusCode !== 200) { res.body.resume(); throw new ToolRefusal(`The file host answered ${res.statusCode}; try again later.`); }
    const declared = Number(res.headers['content-length'] ?? NaN);
    if (declared > max) { res.body.destroy(); throw new ToolRefusal(`The file is ${declared} bytes, over the ${max}-byte download cap.`); }
    const tmp = join(resolve(path, '..'), `.${randomBytes(6).toString('hex')}.part`);
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        done(size > max ? new ToolRefusal(`The file exceeds the ${max}-byte download cap.`) : null, chunk);
      },
    });
    try {
      await pipeline(res.body, counter, createWriteStream(tmp, { mode: 0o644 }), { signal: opts.signal });
      await rename(tmp, path);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
    const ct = res.headers['content-type'];
    return { path, size, contentType: Array.isArray(ct) ? ct[0] : ct };
  }
}
