import { z } from 'zod';
import { PAGE_DEFAULT, PAGE_MAX, type PageParams } from '../heygen/pagination.js';

/**
 * The one paging convention of every list tool, defined here only: `limit` (1–100, 25 when
 * omitted) and `next_token` in; `next_token` out, present exactly when another page exists.
 * HeyGen's own names and per-operation ceilings are mapped in the client (src/heygen/pagination.ts).
 */
export const pageInput = () => ({
  limit: z.number().int().min(1).max(PAGE_MAX).default(PAGE_DEFAULT),
  next_token: z.string().max(2048).optional().describe('from the previous page'),
});

export const pageOutput = () => ({
  next_token: z.string().optional(),
});

/** The client's request for the page a tool call asks for. */
export function pageRequest(a: { limit?: number | undefined; next_token?: string | undefined }): PageParams {
  return { limit: a.limit ?? PAGE_DEFAULT, token: a.next_token };
}

/** The tool output's paging field: the cursor only when another page exists. */
export function pageResult(page: { hasMore?: boolean; nextToken: string | undefined }): { next_token?: string } {
  return page.hasMore !== false && page.nextToken !== undefined ? { next_token: page.nextToken } : {};
}
