import type { Dispatcher } from 'undici';
import { FileReadError, readHeyGenFile } from '../files/heygen-file.js';

/** A preview larger than this is not worth an agent's context. */
export const PREVIEW_MAX_BYTES = 1024 * 1024;
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);
const TIMEOUT_MS = 15_000;

export interface PreviewImage { data: string; mimeType: string; bytes: number }

/** Why a preview could not be attached; the rest of the answer still stands. */
export class PreviewError extends Error {
  override readonly name = 'PreviewError';
}

/** Fetches an avatar preview image that HeyGen returned: image types only, at most `maxBytes`. */
export async function fetchPreviewImage(
  url: string,
  opts: { dispatcher?: Dispatcher | undefined; signal?: AbortSignal | undefined; maxBytes?: number } = {},
): Promise<PreviewImage> {
  const max = opts.maxBytes ?? PREVIEW_MAX_BYTES;
  let file;
  try {
    file = await readHeyGenFile(url, { maxBytes: max, timeoutMs: TIMEOUT_MS, accept: 'image/*', dispatcher: opts.dispatcher, signal: opts.signal });
  } catch (err) {
    if (!(err instanceof FileReadError)) throw err;
    throw new PreviewError({
      timeout: 'the preview download timed out',
      unreachable: 'the preview could not be downloaded',
      status: `the preview URL answered ${err.status}`,
      'too-large': `the preview is larger than ${Math.round(max / 1024)} KB`,
      type: 'the preview is not an image',
    }[err.reason]);
  }
  if (!IMAGE_TYPES.has(file.contentType)) throw new PreviewError(`the preview is not an image (${file.contentType || 'no content type'})`);
  return { data: file.bytes.toString('base64'), mimeType: file.contentType, bytes: file.bytes.length };
}
