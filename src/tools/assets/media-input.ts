import { z } from 'zod';
import type { MediaInput } from '../../heygen/api/avatars.js';
import { BASE64_MAX_CHARS, decodeBase64 } from '../../uploads/base64.js';
import { realRoots } from '../../uploads/roots.js';
import { sniffMedia } from '../../uploads/sniff.js';
import type { ToolContext } from '../define.js';
import { InputError } from '../../errors.js';
import { heygenId, httpsUrl } from '../fields.js';

/** Shared input pieces of the asset, avatar and voice tools that take media. */

export const base64 = () => z.string().min(4).max(BASE64_MAX_CHARS);

/**
 * The three ways to hand HeyGen a media file. Exactly one must be given; each tool says so once
 * in its description rather than on every field.
 */
export function mediaShape<P extends string>(prefix: P) {
  return {
    [`${prefix}_asset_id`]: heygenId().optional(),
    [`${prefix}_url`]: httpsUrl().optional(),
    [`${prefix}_base64`]: base64().optional(),
  } as Record<`${P}_asset_id` | `${P}_url` | `${P}_base64`, z.ZodOptional<z.ZodString>>;
}

/** HeyGen's own `file` object (as its agent skills send it): url, asset_id or base64 with media_type. */
export const fileObject = () => z.object({
  type: z.enum(['url', 'asset_id', 'base64']),
  url: z.string().optional(),
  asset_id: z.string().optional(),
  media_type: z.string().optional(),
  data: z.string().optional(),
});
export type FileObject = z.output<ReturnType<typeof fileObject>>;

/**
 * Folds a `file` object into the `<prefix>_asset_id / _url / _base64` arguments, so both shapes
 * go through the same checks. Giving both shapes at once is refused.
 */
export function withFileObject(args: Record<string, unknown>, prefix: string, file: FileObject | undefined): Record<string, unknown> {
  if (!file) return args;
  const taken = ['asset_id', 'url', 'base64'].map((s) => `${prefix}_${s}`).find((k) => args[k] !== undefined);
  if (taken) throw new InputError('file', `give file or ${taken}, not both`);
  const value = file.type === 'url' ? file.url : file.type === 'asset_id' ? file.asset_id : file.data;
  if (value === undefined) throw new InputError(`file.${file.type === 'base64' ? 'data' : file.type}`, `is required when file.type is ${file.type}`);
  const key = `${prefix}_${file.type}`;
  const parsed = (file.type === 'asset_id' ? heygenId() : file.type === 'url' ? httpsUrl() : base64()).safeParse(value);
  if (!parsed.success) throw new InputError(`file.${file.type === 'base64' ? 'data' : file.type}`, parsed.error.issues[0]?.message ?? 'is not valid');
  return { ...args, [key]: value };
}

/**
 * Turns the chosen source into HeyGen's AssetInput. URLs and asset ids pass straight through
 * (HeyGen fetches them, not this server); base64 is decoded once here to check its size and to
 * read its real type from the bytes.
 */
export function mediaInput(args: Record<string, unknown>, prefix: string, accept: readonly string[]): MediaInput {
  const assetId = args[`${prefix}_asset_id`] as string | undefined;
  const url = args[`${prefix}_url`] as string | undefined;
  const b64 = args[`${prefix}_base64`] as string | undefined;
  const given = [assetId, url, b64].filter((v) => v !== undefined).length;
  const names = `${prefix}_asset_id, ${prefix}_url or ${prefix}_base64`;
  if (given !== 1) throw new InputError(`${prefix}_asset_id`, given === 0 ? `give one of ${names}` : `give only one of ${names}`);
  if (assetId) return { type: 'asset_id', asset_id: assetId };
  if (url) return { type: 'url', url };
  const data = decodeBase64(b64 as string, `${prefix}_base64`);
  const kind = sniffMedia(data.subarray(0, 512));
  if (!kind || !accept.includes(kind.mime)) throw new InputError(`${prefix}_base64`, `content must be ${accept.join(', ')} (read from the bytes)`);
  return { type: 'base64', media_type: kind.mime, data: data.toString('base64') };
}

/**
 * Folders local files may come from: HEYGEN_MCP_UPLOAD_ROOTS plus, on stdio, the client's MCP
 * roots. Over HTTP the client's roots name folders on the client's machine, not this one.
 */
export async function allowedRoots(ctx: ToolContext): Promise<string[]> {
  const client = ctx.deps.transport === 'stdio' ? await ctx.clientRoots() : [];
  return realRoots([...ctx.deps.config.uploadRoots, ...client]);
}

/** Drops undefined members so request bodies carry only the fields the caller set. */
export function compact<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
