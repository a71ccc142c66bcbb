import { z } from 'zod';
import { badParam } from './errors.js';

/** Dotted path (`scenes.0.input.voice_id`) for a zod issue path. */
function dotted(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.');
}

function describe(issue: z.core.$ZodIssue): { param: string; message: string } {
  const base = dotted(issue.path);
  if (issue.code === 'invalid_union' && 'discriminator' in issue && typeof issue.discriminator === 'string') {
    const last = issue.path[issue.path.length - 1];
    const param = last === issue.discriminator ? base : base ? `${base}.${issue.discriminator}` : issue.discriminator;
    return { param, message: `'${param}' is missing or not one of the accepted values` };
  }
  if (issue.code === 'invalid_union') {
    // Report the deepest issue of the closest-matching branch.
    const branches = issue.errors.filter((b) => b.length > 0);
    const best = branches.sort((a, b) => a.length - b.length)[0];
    const first = best?.[0];
    if (first) {
      const inner = describe(first);
      const param = [base, inner.param].filter(Boolean).join('.');
      return { param, message: inner.message.replace(`'${inner.param}'`, `'${param}'`) };
    }
  }
  const param = base || 'body';
  if (issue.code === 'invalid_type') {
    const got = issue.input === undefined ? 'missing' : issue.input === null ? 'null' : typeof issue.input;
    if (got === 'missing') return { param, message: `'${param}' is required` };
    return { param, message: `'${param}' must be of type ${issue.expected} (got ${got})` };
  }
  if (issue.code === 'invalid_value') {
    return { param, message: `'${param}' must be one of: ${issue.values.map(String).join(', ')}` };
  }
  return { param, message: `'${param}': ${issue.message}` };
}

/** Validate a JSON body against a zod schema; throws 400 invalid_parameter naming the field. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const r = schema.safeParse(body ?? undefined);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  if (!issue) throw badParam('body', 'The request body is invalid');
  const d = describe(issue);
  throw badParam(d.param, d.message);
}

/** At most one of `keys` may be set (non-null). `required` means exactly one. */
export function exclusive(obj: Record<string, unknown>, keys: string[], prefix = '', required = false): string | undefined {
  const set = keys.filter((k) => obj[k] !== undefined && obj[k] !== null);
  const name = (k: string) => (prefix ? `${prefix}.${k}` : k);
  if (set.length > 1) {
    throw badParam(name(set[1] ?? keys[0] ?? ''), `${set.map(name).join(' and ')} are mutually exclusive; send only one of ${keys.map(name).join(', ')}`);
  }
  if (required && set.length === 0) {
    throw badParam(name(keys[0] ?? ''), `One of ${keys.map(name).join(', ')} is required`);
  }
  return set[0];
}

// ---------- shared building blocks (facts from the v3 request schemas) ----------

const opt = <T extends z.ZodType>(t: T) => t.nullish();
export const str = z.string();
export const nonEmpty = z.string().min(1, 'must not be empty');
export const aspectRatio = z.enum(['16:9', '9:16', '4:5', '5:4', '1:1', 'auto']);

const urlInput = z.object({ type: z.literal('url'), url: z.string().regex(/^https?:\/\//, 'must be an http(s) URL') });
const assetIdInput = z.object({ type: z.literal('asset_id'), asset_id: nonEmpty });
const base64Input = z.object({ type: z.literal('base64'), media_type: nonEmpty, data: nonEmpty });
/** AssetInput accepting url, asset_id and base64. */
export const mediaInput = z.discriminatedUnion('type', [urlInput, assetIdInput, base64Input]);
/** AssetInput accepting only url and asset_id. */
export const refInput = z.discriminatedUnion('type', [urlInput, assetIdInput]);

const engineSettings = z.discriminatedUnion('engine_type', [
  z.object({
    engine_type: z.literal('elevenlabs'),
    model: opt(z.enum(['eleven_multilingual_v2', 'eleven_turbo_v2_5', 'eleven_flash_v2_5', 'eleven_v3'])),
    similarity_boost: opt(z.number()), stability: opt(z.number()), style: opt(z.number()),
    use_speaker_boost: opt(z.boolean()),
  }),
  z.object({ engine_type: z.literal('fish'), model: opt(z.enum(['s1', 's2-pro'])), similarity: opt(z.number()), stability: opt(z.number()) }),
  z.object({ engine_type: z.literal('starfish') }),
]);
export const voiceSettings = z.object({
  engine_settings: opt(engineSettings),
  locale: opt(str),
  pitch: z.number().min(-50).max(50).optional(),
  speed: z.number().min(0.5).max(1.5).optional(),
  volume: z.number().min(0).max(1).optional(),
});
export const avatarEngine = z.discriminatedUnion('type', [
  z.object({ type: z.literal('avatar_iii') }),
  z.object({ type: z.literal('avatar_iv') }),
  z.object({ type: z.literal('avatar_v'), reference_look_id: opt(str) }),
]);
export const caption = z.object({ file_format: z.enum(['srt']).optional(), style: opt(z.enum(['default'])) });
export const watermark = z.object({
  image: mediaInput,
  opacity: z.number().min(0).max(1).optional(),
  scale: z.number().positive().optional(),
  placement: opt(z.object({
    offset_x: opt(z.number()), offset_y: opt(z.number()),
    position: z.enum(['top_left', 'top_right', 'bottom_left', 'bottom_right']).optional(),
  })),
});
export const expressiveness = z.enum(['high', 'medium', 'low']);
export { opt };

/** Parse an integer query value. */
export function intParam(query: Record<string, string>, name: string, min: number, max: number, def: number): number {
  const raw = query[name];
  if (raw === undefined || raw === '') return def;
  if (!/^-?\d+$/.test(raw)) throw badParam(name, `'${name}' must be an integer`);
  const n = Number(raw);
  if (n < min || n > max) throw badParam(name, `'${name}' must be between ${min} and ${max}`);
  return n;
}

export function enumParam<T extends string>(query: Record<string, string>, name: string, values: readonly T[]): T | undefined {
  const raw = query[name];
  if (raw === undefined || raw === '') return undefined;
  if (!(values as readonly string[]).includes(raw)) throw badParam(name, `'${name}' must be one of: ${values.join(', ')}`);
  return raw as T;
}

export function requireQuery(query: Record<string, string>, name: string): string {
  const raw = query[name];
  if (raw === undefined || raw === '') throw badParam(name, `'${name}' is required`);
  return raw;
}

export interface Page<T> { data: T[]; has_more: boolean; next_token: string | null }

/**
 * Cursor paging over an in-memory list. The token is opaque (base64url JSON) and bound to the
 * route + filters it was issued for, so a token replayed elsewhere is refused.
 */
export function paginate<T>(
  items: readonly T[],
  query: Record<string, string>,
  scope: string,
  limits: { min?: number; max: number; def: number },
): Page<T> {
  const limit = intParam(query, 'limit', limits.min ?? 1, limits.max, limits.def);
  let offset = 0;
  const token = query['token'];
  if (token !== undefined && token !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    } catch {
      parsed = undefined;
    }
    const p = parsed as { o?: unknown; s?: unknown } | undefined;
    if (!p || typeof p.o !== 'number' || !Number.isInteger(p.o) || p.o < 0 || p.s !== scope) {
      throw badParam('token', "'token' is not a valid pagination token for this request");
    }
    offset = p.o;
  }
  const data = items.slice(offset, offset + limit);
  const next = offset + limit;
  const has_more = next < items.length;
  return {
    data,
    has_more,
    next_token: has_more ? Buffer.from(JSON.stringify({ o: next, s: scope })).toString('base64url') : null,
  };
}
