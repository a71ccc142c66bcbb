import { z } from 'zod';
import type { AssetInput, MediaRef } from '../heygen/api/media.js';
import { InputError } from '../errors.js';
import { decodeBase64 } from '../uploads/base64.js';
import { sniffMedia } from '../uploads/sniff.js';
import { isHeygenId } from './fields.js';

/**
 * Media inputs: one string each, the rule the server instructions promise. The string is an
 * https URL HeyGen fetches itself, an asset id from upload_asset, or, on fields that take bytes
 * inline, a `data:<type>;base64,<data>` URI whose bytes (not its declared type) must be one of
 * the kinds the field accepts. `media()` is the field; `mediaOf()` reads a value into the request
 * shape. HeyGen's own object form (`{type: "url", url}`, `{type: "asset_id", asset_id}`,
 * `{type: "base64", media_type, data}`, as its agent skills send it) is read the same way, so it
 * is accepted without being advertised.
 */

/** Kinds a field takes inline, by the MIME type sniffed from the bytes. */
export const IMAGE = ['image/png', 'image/jpeg'] as const;
export const AUDIO = ['audio/mpeg', 'audio/wav'] as const;
export const VIDEO = ['video/mp4', 'video/webm'] as const;
/** Every kind HeyGen stores as an asset (Video Agent files). */
export const ANY_FILE = [...IMAGE, ...VIDEO, ...AUDIO, 'application/pdf', 'application/x-subrip'] as const;

const LABEL: Record<string, string> = {
  'image/png': 'PNG', 'image/jpeg': 'JPEG', 'audio/mpeg': 'MP3', 'audio/wav': 'WAV', 'video/mp4': 'MP4',
  'video/webm': 'WebM', 'application/pdf': 'PDF', 'application/x-subrip': 'SRT',
};

/** Inline bytes are for small files; anything larger goes through upload_asset. */
export const INLINE_MAX_BYTES = 10 * 1024 * 1024;
/** The longest media string: a data: URI of INLINE_MAX_BYTES (URLs and ids are far shorter). */
const INLINE_MAX_CHARS = Math.ceil(INLINE_MAX_BYTES / 3) * 4 + 100;
const URL_MAX = 2048;

type Inline = readonly string[];

/** What a field takes, said the same way in every error. */
function allowed(inline: Inline | undefined): string {
  return inline ? `an https URL, an asset id from upload_asset, or a data:<type>;base64,<data> URI of ${labels(inline)}` : 'an https URL or an asset id from upload_asset';
}

function labels(inline: Inline): string {
  const names = inline.map((m) => LABEL[m] ?? m);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names.join('');
}

/** HeyGen's object form of a media input, as the one string it stands for. */
function fromObject(v: Record<string, unknown>): string {
  const member = v.type === 'url' ? 'url' : v.type === 'asset_id' ? 'asset_id' : v.type === 'base64' ? 'data' : undefined;
  if (!member) throw new InputError('type', 'must be url, asset_id or base64');
  const value = v[member];
  if (typeof value !== 'string' || value === '') throw new InputError(member, `is required when type is ${String(v.type)}`);
  if (member !== 'data') return value;
  if (value.startsWith('data:')) throw new InputError('data', 'give the bare base64 text here, not a data: URI');
  return `data:${typeof v.media_type === 'string' ? v.media_type : ''};base64,${value}`;
}

/**
 * Reads one media value into the v3 request shape. Without `inline` the field takes only URLs
 * and asset ids. Errors are InputErrors naming `field` (plus the member of an object form).
 */
export function mediaOf(value: unknown, field: string): MediaRef;
export function mediaOf(value: unknown, field: string, inline: Inline | undefined): AssetInput;
export function mediaOf(value: unknown, field: string, inline?: Inline): AssetInput {
  const at = (sub: string) => (field && sub ? `${field}.${sub}` : field || sub);
  let v: string;
  if (typeof value === 'string') v = value;
  else if (value && typeof value === 'object' && !Array.isArray(value)) {
    try {
      v = fromObject(value as Record<string, unknown>);
    } catch (err) {
      if (err instanceof InputError) throw new InputError(at(err.field), err.message);
      throw err;
    }
    const type = (value as { type: 'url' | 'asset_id' | 'base64' }).type;
    const member = type === 'base64' ? 'data' : type;
    const read = mediaOf(v, at(member), inline);
    if (read.type !== type) throw new InputError(at(member), `is not ${type === 'url' ? 'an https URL' : type === 'asset_id' ? 'an asset id' : 'base64 text'}`);
    return read;
  } else throw new InputError(field, `must be one string: ${allowed(inline)}`);
  if (v.length > INLINE_MAX_CHARS) throw new InputError(field, `is over ${INLINE_MAX_CHARS} characters: upload a file this large with upload_asset and pass its asset id`);

  if (/^https:\/\//i.test(v)) {
    if (v.length > URL_MAX || /\s/.test(v)) throw new InputError(field, `must be an https URL of at most ${URL_MAX} characters, without spaces`);
    return { type: 'url', url: v };
  }
  if (/^data:/i.test(v)) {
    if (!inline) throw new InputError(field, `takes no inline data here: give ${allowed(undefined)} (upload_asset turns bytes into an asset id)`);
    const comma = v.indexOf(',');
    if (comma < 0 || !/;base64$/i.test(v.slice(0, comma))) throw new InputError(field, 'a data: URI must be base64: data:<type>;base64,<data>');
    const bytes = decodeBase64(v.slice(comma + 1), field, INLINE_MAX_BYTES);
    // The bytes decide the type: a declared type is a claim, and HeyGen is sent what the file is.
    const kind = sniffMedia(bytes.subarray(0, 512));
    if (!kind || !inline.includes(kind.mime)) throw new InputError(field, `content must be ${labels(inline)} (read from the bytes${kind ? `, which are ${LABEL[kind.mime] ?? kind.mime}` : ''})`);
    return { type: 'base64', media_type: kind.mime, data: bytes.toString('base64') };
  }
  if (isHeygenId(v)) return { type: 'asset_id', asset_id: v };
  if (/^http:\/\//i.test(v)) throw new InputError(field, 'must be https, not http');
  throw new InputError(field, `must be ${allowed(inline)} (got ${JSON.stringify(v.slice(0, 30))})`);
}

export interface MediaOptions {
  /** Kinds taken inline as a data: URI; without it, URLs and asset ids only. */
  inline?: Inline;
  /**
   * Inside an object or array item: the bound is checked but not advertised, since tools/list
   * is read into every conversation and nested fields are many.
   */
  nested?: boolean;
}

/**
 * A media input field: advertised as one string; parsed with `mediaOf` into the request shape,
 * so a handler receives a MediaRef (or an AssetInput when the field takes inline bytes).
 */
export function media(opts: MediaOptions & { inline: Inline }): z.ZodType<AssetInput, unknown>;
export function media(opts?: MediaOptions & { inline?: undefined }): z.ZodType<MediaRef, unknown>;
export function media(opts: MediaOptions = {}): z.ZodType<AssetInput, unknown> {
  const { inline, nested } = opts;
  const advertised = nested ? { type: 'string' }
    : { type: 'string', maxLength: inline ? INLINE_MAX_CHARS : URL_MAX, ...(inline ? { description: `https URL, asset id or data: URI${inline === ANY_FILE ? '' : ` (${labels(inline)})`}` } : {}) };
  return z.custom<unknown>((v) => v !== undefined, { message: `required: ${allowed(inline)}` })
    .transform((v, ctx) => {
      try {
        return mediaOf(v, '', inline);
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        ctx.issues.push({ code: 'custom', message: err.message, input: v, ...(err.field ? { path: err.field.split('.') } : {}) });
        return z.NEVER;
      }
    })
    .meta(advertised);
}

/**
 * The names a media input had before it became one string (`<prefix>_asset_id`, `_url`,
 * `_base64`), and HeyGen's `file`, for a tool's `formerNames`: each is folded into `field`,
 * the base64 text as a data: URI.
 */
export function formerMediaNames(field: string, prefix: string, more: readonly string[] = []): Record<string, { to: string; value?: (v: unknown) => unknown }> {
  const names: Record<string, { to: string; value?: (v: unknown) => unknown }> = {
    [`${prefix}_asset_id`]: { to: field },
    [`${prefix}_url`]: { to: field },
    [`${prefix}_base64`]: { to: field, value: (v) => (typeof v === 'string' && !v.startsWith('data:') ? `data:;base64,${v}` : v) },
  };
  for (const name of more) names[name] = { to: field };
  return names;
}
