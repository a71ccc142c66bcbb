import { z } from 'zod';
import type { RefInput } from '../../heygen/api/translations.js';
import type { Page } from '../../heygen/http.js';
import { InputError } from '../errors.js';

/** Shared input pieces of the translation, lipsync and webhook tools. */

/** A HeyGen id as agents pass it back; `seg()` escapes it anyway, this just keeps junk out. */
export const jobId = (what: string) => z.string().min(1).max(200).regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits, _ . : - only').describe(what);

export const httpsUrl = (what: string) => z.url({ protocol: /^https$/, error: 'must be an https:// URL' }).max(2048).describe(what);

export const listInput = {
  limit: z.number().int().min(1).max(100).default(25).describe('Items per page (1-100, default 25).'),
  next_token: z.string().min(1).max(1000).optional().describe('Cursor from the previous page.'),
};

export const listOutput = {
  next_token: z.string().optional(),
  has_more: z.boolean(),
};

export function pageOut<T>(page: Page<T>): { next_token?: string; has_more: boolean } {
  return { has_more: page.hasMore, ...(page.hasMore && page.nextToken ? { next_token: page.nextToken } : {}) };
}

/** Translation-family endpoints take a media reference as an https URL or an uploaded asset id, never base64. */
export function mediaRef(name: string, url: string | undefined, assetId: string | undefined, required: true): RefInput;
export function mediaRef(name: string, url: string | undefined, assetId: string | undefined, required: false): RefInput | undefined;
export function mediaRef(name: string, url: string | undefined, assetId: string | undefined, required: boolean): RefInput | undefined {
  if (url && assetId) throw new InputError(`${name}_url`, `give ${name}_url or ${name}_asset_id, not both`);
  if (url) return { type: 'url', url };
  if (assetId) return { type: 'asset_id', asset_id: assetId };
  if (required) throw new InputError(`${name}_url`, `one of ${name}_url (https) or ${name}_asset_id (from upload_asset) is required`);
  return undefined;
}

export const assetId = (what: string) => jobId(`Asset id of the ${what} (from upload_asset).`);

/** Drops undefined members so request bodies carry only the fields the caller set. */
export function compact<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export function checkTimes(start: number | undefined, end: number | undefined): void {
  if (start !== undefined && end !== undefined && end <= start) throw new InputError('end_time', 'must be greater than start_time');
}
