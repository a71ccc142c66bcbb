import type { Dispatcher } from 'undici';
import { request } from '../net/undici.js';

/** A preview larger than this is not worth an agent's context. */
export const PREVIEW_MAX_BYTES = 1024 * 1024;
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);
const TIMEOUT_MS = 15_000;

export interface PreviewImage { data: string; mimeType: string; bytes: number }

/** Why a preview could not be attached; the rest of the answer still stands. */
export class PreviewError extends Error {
  override readonly name = 'PreviewError';
}

/**
 * Fetches an avatar preview image that HeyGen returned. The URL comes from the API, so it is
 * fetched as given, but never with the API key, never following redirects, only image types,
 * and never more than `maxBytes`.
 */
export async function fetchPreviewImage(
  url: string,
  opts: { dispatcher?: Dispatcher | undefined; signal?: AbortSignal | undefined; maxBytes?: number } = {},
): Promise<PreviewImage> {
  const max = opts.maxBytes ?? PREVIEW_MAX_BYTES;
  if (!/^https?:\/\//i.test(url)) throw new PreviewError('the preview URL is not http(s)');
  const timer = AbortSignal.timeout(TIMEOUT_MS);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timer]) : timer;
  let res: Dispatcher.ResponseData;
  try {
    res = await request(url, { method: 'GET', headers: { accept: 'image/*' }, signal, dispatcher: opts.dispatcher });
  } catch (err) {
    if (opts.signal?.aborted) throw err;
    throw new PreviewError(timer.aborted ? 'the preview download timed out' : 'the preview could not be downloaded');
  }
  const fail = (why: string): never => {
    // Destroying an unread body makes undici emit an abort error; nobody is left to hear it.
    res.body.on('error', () => undefined);
    res.body.destroy();
    throw new PreviewError(why);
  };
  if (res.statusCode !== 200) fail(`the preview URL answered ${res.statusCode}`);
  const type = String(res.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!IMAGE_TYPES.has(type)) fail(`the preview is not an image (${type || 'no content type'})`);
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > max) fail(`the preview is larger than ${Math.round(max / 1024)} KB`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    const b = Buffer.from(chunk as Uint8Array);
    size += b.length;
    if (size > max) fail(`the preview is larger than ${Math.round(max / 1024)} KB`);
    chunks.push(b);
  }
  return { data: Buffer.concat(chunks).toString('base64'), mimeType: type, bytes: size };
}
