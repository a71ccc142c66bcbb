import { InputError } from '../errors.js';
import { mb } from './local-file.js';

/** Inline uploads are capped like the multipart endpoint: 32 MB once decoded. */
export const BASE64_MAX_BYTES = 32 * 1024 * 1024;
/** The longest base64 text that can decode to BASE64_MAX_BYTES (for the input schema). */
export const BASE64_MAX_CHARS = Math.ceil(BASE64_MAX_BYTES / 3) * 4 + 1024;

/** Decodes standard or URL-safe base64 strictly: bad characters are an error, not silently dropped. */
export function decodeBase64(text: string, field = 'base64', maxBytes = BASE64_MAX_BYTES): Buffer {
  const data = text.replace(/\s+/g, '');
  if (data.startsWith('data:')) throw new InputError(field, 'give the bare base64 text, not a data: URL');
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(data) || data.length % 4 === 1) throw new InputError(field, 'is not valid base64');
  const padding = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
  const decoded = Math.floor((data.length * 3) / 4) - padding;
  if (decoded > maxBytes) throw new InputError(field, `decodes to ${mb(decoded)}, over the ${mb(maxBytes)} limit; upload a file by path or URL instead`);
  const buf = Buffer.from(data, data.includes('-') || data.includes('_') ? 'base64url' : 'base64');
  if (buf.length === 0) throw new InputError(field, 'is empty');
  return buf;
}
