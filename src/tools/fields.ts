import { z } from 'zod';

/**
 * Input fields shared by many tools, defined once. Checks that JSON Schema would spell out at
 * length (an id's character set) are refinements: enforced here with a message naming the
 * rule, but not repeated in every tool's schema, because tools/list is read into every
 * conversation.
 */
const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;
const HTTPS = /^https:\/\/[^\s]+$/i;

/** Whether a string has the shape of a HeyGen id (see heygenId). */
export const isHeygenId = (v: string): boolean => v.length <= 128 && ID.test(v);

/** A HeyGen id (video, look, voice, asset, job …): 1–128 letters, digits, `_ - . :`. */
export function heygenId(): z.ZodString {
  return z.string().refine(isHeygenId, 'must be a HeyGen id: 1–128 letters, digits and _ - . : starting with a letter or digit');
}

/** An https URL that is not a media input (callbacks, redirects), at most 2,048 characters. */
export function httpsUrl(): z.ZodString {
  return z.string().refine((v) => v.length <= 2048 && HTTPS.test(v), 'must be an https:// URL of at most 2048 characters');
}

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
