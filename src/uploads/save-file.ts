import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { link, mkdir, realpath, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Dispatcher } from 'undici';
import { request } from '../net/undici.js';
import { ToolRefusal } from '../tools/errors.js';
import { isInside } from './roots.js';

/** A single safe file name: no separators, no leading dot, no control or reserved characters. */
export function safeFileName(name: string, ext: string): string {
  const stem = (name.split(/[\\/]/).pop() ?? '').normalize('NFC').replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .replace(/[^\p{L}\p{N}_\- ]+/gu, '_').replace(/\s+/g, '_').replace(/^[._-]+/, '').slice(0, 100);
  const reserved = /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(stem);
  return `${stem && !reserved ? stem : 'heygen'}.${ext}`;
}

/**
 * Streams a file URL that HeyGen returned into `dir` without any HeyGen credentials: written to
 * a private temp file, then hard-linked to a name that does not exist yet (never overwriting),
 * so a reader never sees half a file and nothing outside `dir` can be touched.
 */
export async function saveUrlToDir(url: string, dir: string, name: string, opts: { dispatcher?: Dispatcher | undefined; signal?: AbortSignal | undefined; maxBytes: number }): Promise<{ path: string; bytes: number }> {
  const u = new URL(url);
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new ToolRefusal('The file URL HeyGen returned is not http(s); nothing was saved.');
  await mkdir(dir, { recursive: true });
  const realDir = await realpath(dir);
  const temp = join(realDir, `.heygen-${randomBytes(6).toString('hex')}.part`);
  const timer = AbortSignal.timeout(600_000);
  const res = await request(u, { method: 'GET', dispatcher: opts.dispatcher, signal: opts.signal ? AbortSignal.any([opts.signal, timer]) : timer });
  if (res.statusCode !== 200) {
    await res.body.dump();
    throw new ToolRefusal(`Could not download the file (HTTP ${res.statusCode}); the link may have expired, so ask HeyGen for it again.`);
  }
  let bytes = 0;
  const cap = new Transform({
    transform(chunk: Buffer, _e, cb) {
      bytes += chunk.length;
      cb(bytes > opts.maxBytes ? new ToolRefusal('The file is larger than expected; nothing was saved.') : null, chunk);
    },
  });
  try {
    await pipeline(res.body, cap, createWriteStream(temp, { flags: 'wx', mode: 0o600 }));
    const [stem, ext] = splitExt(name);
    for (let i = 0; i < 1000; i++) {
      const final = join(realDir, i === 0 ? name : `${stem}-${i}${ext}`);
      if (!isInside(final, realDir)) throw new ToolRefusal('Refused: the file name would leave the download directory.');
      try {
        await link(temp, final);
        return { path: final, bytes };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
    }
    throw new ToolRefusal('Could not find a free file name in the download directory.');
  } finally {
    await unlink(temp).catch(() => rm(temp, { force: true }));
  }
}

function splitExt(name: string): [string, string] {
  const i = name.lastIndexOf('.');
  return i > 0 ? [name.slice(0, i), name.slice(i)] : [name, ''];
}
