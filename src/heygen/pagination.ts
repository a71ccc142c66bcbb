/**
 * Paging, the same for every list this server offers: `limit` items (25 unless asked, never
 * more than 100) and an opaque cursor. HeyGen calls the cursor `token` on the way in and
 * `next_token` on the way out on every v3 list; the few places it differs (a lower ceiling, the
 * cursor inside a batch read's `data`) are mapped here and in the operation's method, so tools
 * see one shape: `Page`.
 */
export const PAGE_DEFAULT = 25;
export const PAGE_MAX = 100;

/** One page of a list, whatever HeyGen called its fields. */
export interface Page<T> {
  items: T[];
  hasMore: boolean;
  nextToken: string | undefined;
}

/** One page request as the client methods take it. */
export interface PageParams {
  limit?: number | undefined;
  token?: string | undefined;
}

/**
 * The query of one page of an operation whose own ceiling is `max` (HeyGen allows 50 on the
 * avatar lists and the asset and sound searches): a larger limit is lowered to it, and the page
 * comes back shorter with a cursor for the rest.
 */
export function pageQuery(p: PageParams, max = PAGE_MAX): { limit: number | undefined; token: string | undefined } {
  return { limit: p.limit === undefined ? undefined : Math.min(p.limit, max), token: p.token };
}

/** A page from HeyGen's own fields: a further page exists only when both say so. */
export function pageOf<T>(items: T[], hasMore: unknown, nextToken: unknown): Page<T> {
  const token = typeof nextToken === 'string' && nextToken !== '' ? nextToken : undefined;
  return { items, hasMore: hasMore === true && token !== undefined, nextToken: token };
}

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
