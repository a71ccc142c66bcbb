import { z } from 'zod';
import type { Page } from '../../heygen/http.js';
import { InputError } from '../../errors.js';
import { limit, nextToken } from '../fields.js';

/** Shared pieces of the translation, lipsync and webhook tools (ids, URLs and media: ../fields.ts). */

export const listInput = { limit: limit(), next_token: nextToken() };

/** The query of a list call: HeyGen's page size when the agent gave none is 25. */
export function pageParams(a: { limit?: number | undefined; next_token?: string | undefined }): { limit: number; token: string | undefined } {
  return { limit: a.limit ?? 25, token: a.next_token };
}

/** A further page exists exactly when next_token is present. */
export const listOutput = { next_token: z.string().optional() };

export function pageOut<T>(page: Page<T>): { next_token?: string } {
  return page.hasMore && page.nextToken ? { next_token: page.nextToken } : {};
}

export function checkTimes(start: number | undefined, end: number | undefined): void {
  if (start !== undefined && end !== undefined && end <= start) throw new InputError('end_time', 'must be greater than start_time');
}
