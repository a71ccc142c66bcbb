import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { link, mkdir, realpath, rm } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Dispatcher } from 'undici';
import { request } from '../net/undici.js';
import { InputError, ToolRefusal } from '../errors.js';
import { isInside } from '../uploads/roots.js';

export const MAX_DOWNLOAD_BYTES = 2 * 1024 ** 3;
const MAX_REDIRECTS = 3;
const BODY_TIMEOUT_MS = 600_000;

/** The file host answered 403/404: a presigned URL that expired. Re-reading the job gives a fresh one. */
export class ExpiredUrl extends Error {
  override readonly name = 'ExpiredUrl';
  constructor(readonly status: number) {
    super(`The file host answered ${status}: the link has expired. Read the job again for a fresh link.`);
  }
}

// C0 and C1 control characters and DEL: a NUL would cut the name short at the OS boundary, and
// the others make a name that reads differently from what is on disk.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// Bidirectional overrides, embeddings, isolates and marks: `clip\u202Egpj.exe` displays as
// "clipexe.jpg"; a file name has no use for them.
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/**
 * A plain file name for the download folder. A name an agent asked for that carries folders,
 * `..`, control characters or bidirectional controls is refused outright (it wants something
 * this server will not do, and silently changing it would save a file under a name nobody
 * asked for); without a name, `fallback` is cleaned into one.
 */
export function plainFileName(wanted: string | undefined, fallback: string, ext: string, field = 'filename'): string {
  if (wanted === undefined) return `${fallback.replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^[.]+/, '') || 'heygen'}${ext}`;
  if (wanted.includes('\u0000')) throw new InputError(field, 'must not contain a NUL character');
  if (CONTROL.test(wanted)) throw new InputError(field, 'must not contain control characters');
  if (BIDI.test(wanted)) throw new InputError(field, 'must not contain bidirectional text controls (such as U+202E)');
  const cleaned = wanted.trim();
  if (/[/\\]/.test(cleaned) || cleaned.includes('..') || cleaned === '') throw new InputError(field, 'a plain file name, without folders or ".."');
  if (cleaned.startsWith('.')) throw new InputError(field, 'must not start with a dot');
  if (cleaned.length > 200) throw new InputError(field, 'at most 200 characters');
  return extname(cleaned) ? cleaned : `${cleaned}${ext}`;
}

export interface Downloaded { path: string; size: number; contentType: string | undefined }

/**
 * Streams a file URL that HeyGen returned into `dir` as `name`, without any HeyGen credentials
 * (presigned links carry their own signature). The bytes go to a private temp file first and
 * are then hard-linked to a name that does not exist yet (`name`, `name-1`, …), so a reader never
 * sees half a file, an existing file is never overwritten, and nothing outside `dir` is touched.
 */
export async function downloadToDir(url: string, dir: string, name: string, opts: { dispatcher?: Dispatcher | undefined; signal?: AbortSignal | undefined; maxBytes?: number } = {}): Promise<Downloaded> {
  const max = opts.maxBytes ?? MAX_DOWNLOAD_BYTES;
  let root: string;
  try {
    await mkdir(dir, { recursive: true });
    root = await realpath(dir);
  } catch (err) {
    throw new ToolRefusal(`Cannot use the download folder ${dir} (${(err as NodeJS.ErrnoException).code ?? 'error'}: it is not a folder this server can create or write). Set HEYGEN_MCP_DOWNLOAD_DIR to a writable folder.`);
  }
  let current = url;
  for (let hop = 0; ; hop++) {
    const u = new URL(current);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new ToolRefusal(`Refused to fetch a ${u.protocol} URL.`);
    let res: Awaited<ReturnType<typeof request>>;
    try {
      res = await request(current, { method: 'GET', dispatcher: opts.dispatcher, signal: opts.signal, headersTimeout: 30_000, bodyTimeout: BODY_TIMEOUT_MS });
    } catch (err) {
      if (opts.signal?.aborted) throw err;
      throw new ToolRefusal(`Could not reach the file host (${(err as NodeJS.ErrnoException).code ?? 'connection failed'}); nothing was saved. Try again.`);
    }
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
    if (declared > max) { res.body.destroy(); throw new ToolRefusal(`The file is ${declared} bytes, over the ${max}-byte cap; nothing was saved.`); }
    const temp = join(root, `.heygen-${randomBytes(6).toString('hex')}.part`);
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        done(size > max ? new ToolRefusal(`The file exceeds the ${max}-byte cap; nothing was saved.`) : null, chunk);
      },
    });
    try {
      try {
        await pipeline(res.body, counter, createWriteStream(temp, { flags: 'wx', mode: 0o644 }), { signal: opts.signal });
      } catch (err) {
        if (err instanceof ToolRefusal || opts.signal?.aborted) throw err;
        const code = (err as NodeJS.ErrnoException).code;
        if (code && !code.startsWith('UND_ERR') && code !== 'ECONNRESET' && code !== 'ERR_STREAM_PREMATURE_CLOSE') {
          throw new ToolRefusal(`Could not write the file into ${root} (${code}); nothing was saved.`);
        }
        const of = Number.isFinite(declared) ? ` of ${declared}` : '';
        throw new ToolRefusal(`The file host closed the connection before the whole file arrived (${size}${of} bytes); nothing was saved. Try again.`);
      }
      const path = await linkToFreeName(temp, root, name);
      const ct = res.headers['content-type'];
      return { path, size, contentType: Array.isArray(ct) ? ct[0] : ct };
    } finally {
      await rm(temp, { force: true });
    }
  }
}

async function linkToFreeName(temp: string, root: string, name: string): Promise<string> {
  const ext = extname(name);
  const stem = ext ? name.slice(0, -ext.length) : name;
  for (let i = 0; i < 1000; i++) {
    const final = join(root, i === 0 ? name : `${stem}-${i}${ext}`);
    if (!isInside(final, root)) throw new ToolRefusal('Refused: the file would land outside the download directory.');
    try {
      await link(temp, final);
      return final;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  throw new ToolRefusal('Could not find a free file name in the download directory.');
}
