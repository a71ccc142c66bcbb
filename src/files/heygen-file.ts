import type { Dispatcher } from 'undici';
import { request } from '../net/undici.js';

/**
 * Reading a file URL that HeyGen returned (a preview image, a subtitle file): the one place that
 * does it. The URL comes from the API, so it is fetched as given, but never with the API key,
 * never following redirects, within a time limit, and never more than `maxBytes` into memory.
 * (Saving whole videos to disk streams through files/download.ts instead.)
 */
export interface FileReadOptions {
  maxBytes: number;
  timeoutMs: number;
  /** Over `maxBytes`: keep the first `maxBytes` and say so (true), or fail (false). */
  truncate?: boolean;
  accept?: string;
  dispatcher?: Dispatcher | undefined;
  signal?: AbortSignal | undefined;
}

export interface FileRead { bytes: Buffer; contentType: string; truncated: boolean }

/** Why a file could not be read: `reason` names what happened, for the caller's own wording. */
export class FileReadError extends Error {
  override readonly name = 'FileReadError';
  constructor(readonly reason: 'timeout' | 'unreachable' | 'status' | 'too-large' | 'type', message: string, readonly status?: number) {
    super(message);
  }
}

export async function readHeyGenFile(url: string, opts: FileReadOptions): Promise<FileRead> {
  if (!/^https?:\/\//i.test(url)) throw new FileReadError('unreachable', 'the URL is not http(s)');
  const timer = AbortSignal.timeout(opts.timeoutMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timer]) : timer;
  let res: Dispatcher.ResponseData;
  try {
    res = await request(url, { method: 'GET', headers: opts.accept ? { accept: opts.accept } : {}, signal, dispatcher: opts.dispatcher });
  } catch (err) {
    if (opts.signal?.aborted) throw err;
    throw timer.aborted ? new FileReadError('timeout', 'the download timed out') : new FileReadError('unreachable', 'the file could not be downloaded');
  }
  const fail = (e: FileReadError): never => {
    // Destroying an unread body makes undici emit an abort error; nobody is left to hear it.
    res.body.on('error', () => undefined);
    res.body.destroy();
    throw e;
  };
  if (res.statusCode !== 200) fail(new FileReadError('status', `the URL answered ${res.statusCode}`, res.statusCode));
  const contentType = String(res.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const declared = Number(res.headers['content-length']);
  if (!opts.truncate && Number.isFinite(declared) && declared > opts.maxBytes) fail(new FileReadError('too-large', `larger than ${opts.maxBytes} bytes`));
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  for await (const chunk of res.body) {
    const b = Buffer.from(chunk as Uint8Array);
    if (size + b.length > opts.maxBytes) {
      if (!opts.truncate) fail(new FileReadError('too-large', `larger than ${opts.maxBytes} bytes`));
      chunks.push(b.subarray(0, opts.maxBytes - size));
      size = opts.maxBytes;
      truncated = true;
      res.body.on('error', () => undefined);
      res.body.destroy();
      break;
    }
    chunks.push(b);
    size += b.length;
  }
  return { bytes: Buffer.concat(chunks, size), contentType, truncated };
}
