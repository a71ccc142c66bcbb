import { z } from 'zod';
import { InputError } from '../errors.js';

/**
 * Input fields shared by many tools, defined once. Checks that JSON Schema would spell out at
 * length (an id's character set) are refinements: enforced here with a message naming the
 * rule, but not repeated in every tool's schema, because tools/list is read into every
 * conversation.
 */
const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;
const HTTPS = /^https:\/\/[^\s]+$/i;

/** A HeyGen id (video, look, voice, asset, job …): 1–128 letters, digits, `_ - . :`. */
export function heygenId(): z.ZodString {
  return z.string().refine((v) => v.length <= 128 && ID.test(v), 'must be a HeyGen id: 1–128 letters, digits and _ - . : starting with a letter or digit');
}

/** An https URL HeyGen fetches itself (media inputs, callbacks), at most 2,048 characters. */
export function httpsUrl(): z.ZodString {
  return z.string().refine((v) => v.length <= 2048 && HTTPS.test(v), 'must be an https:// URL of at most 2048 characters');
}

/** A media file HeyGen fetches itself, as one string: an https URL or an upload_asset id. */
export function mediaRef(): z.ZodString {
  return z.string().refine(
    (v) => (v.length <= 2048 && HTTPS.test(v)) || (v.length <= 128 && ID.test(v)),
    'must be an https:// URL of at most 2048 characters or an asset id from upload_asset',
  );
}

/** HeyGen's own media object, as HeyGen's agent skills pass it: `{type:"url",url}` or `{type:"asset_id",asset_id}`. */
export const mediaObject = () => z.object({
  type: z.enum(['url', 'asset_id']),
  url: z.string().optional(),
  asset_id: z.string().optional(),
});
export type MediaObject = z.output<ReturnType<typeof mediaObject>>;

/** A media input given either way: one string (URL or asset id) or HeyGen's `{type, url|asset_id}` object. */
export function mediaArg() {
  return z.union([mediaRef(), mediaObject()]);
}

export type RefInput = { type: 'url'; url: string } | { type: 'asset_id'; asset_id: string };

/** The request shape of a media input; ids never contain `/`, URLs always do. Objects are checked here, naming `field`. */
export function toMediaRef(value: string | MediaObject, field = 'media'): RefInput {
  if (typeof value === 'string') return HTTPS.test(value) ? { type: 'url', url: value } : { type: 'asset_id', asset_id: value };
  if (value.type === 'url') {
    if (!value.url || value.url.length > 2048 || !HTTPS.test(value.url)) throw new InputError(`${field}.url`, 'must be an https:// URL of at most 2048 characters');
    return { type: 'url', url: value.url };
  }
  if (!value.asset_id || value.asset_id.length > 128 || !ID.test(value.asset_id)) throw new InputError(`${field}.asset_id`, 'must be an asset id from upload_asset');
  return { type: 'asset_id', asset_id: value.asset_id };
}

/** Page size for lists: default 25 when omitted, never more than 100. */
export const limit = () => z.number().int().min(1).max(100).optional();

/** Opaque cursor from a previous page's next_token. */
export const nextToken = () => z.string().max(2048).optional().describe('from the previous page');

/**
 * Free text (names, titles, prompts) of at most `max` characters. The bound is advertised; the
 * refusals of a NUL byte (HeyGen and many C-based tools truncate at it) and of blank text are
 * refinements, so they cost no schema characters.
 */
export function text(max: number): z.ZodString {
  return z.string().max(max)
    .refine((v) => !v.includes('\u0000'), 'must not contain a null byte (\\u0000)')
    .refine((v) => v.trim() !== '', 'must not be blank');
}
