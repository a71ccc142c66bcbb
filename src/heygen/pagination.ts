import type { Page } from './http.js';

/**
 * Walks a cursor-paged list: calls `fetchPage(token)` from the first page until HeyGen says
 * there is no more, or a bound is reached. Returns the items and the cursor to resume from.
 */
export async function collectPages<T>(
  fetchPage: (token: string | undefined) => Promise<Page<T>>,
  bounds: { maxItems?: number; maxPages?: number } = {},
): Promise<{ items: T[]; nextToken: string | undefined; pages: number }> {
  const maxItems = bounds.maxItems ?? Number.POSITIVE_INFINITY;
  const maxPages = bounds.maxPages ?? 1_000;
  const items: T[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const page = await fetchPage(token);
    pages++;
    items.push(...page.items);
    token = page.hasMore ? page.nextToken : undefined;
  } while (token !== undefined && items.length < maxItems && pages < maxPages);
  return { items, nextToken: token, pages };
}
