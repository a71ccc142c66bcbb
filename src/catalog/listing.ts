import type { CallOptions, Page } from '../heygen/http.js';
import { collectPages, PAGE_DEFAULT, PAGE_MAX } from '../heygen/pagination.js';
import type { CatalogCtx } from './context.js';
import { decodeCursor, encodeCursor, isLocalCursor, signatureOf } from './cursor.js';

/** A catalog bigger than this is not walked whole (no real account comes near it). */
const MAX_CATALOG_ITEMS = 20_000;

export interface ListingSpec<T> {
  /** Cache namespace, e.g. `voices` or `avatars:looks`. */
  kind: string;
  /** Filters HeyGen applies itself; sent as query parameters. */
  apiFilters: Record<string, string | undefined>;
  /** Largest page HeyGen allows for this list. */
  pageMax: number;
  fetchPage(params: { limit: number; token: string | undefined }, call: CallOptions): Promise<Page<T>>;
  /** Filters HeyGen lacks, applied here; `key` identifies them in cursors. */
  local?: { key: Record<string, string | undefined>; test(item: T): boolean } | undefined;
  /** Case-insensitive "name contains". */
  query?: string | undefined;
  nameOf(item: T): string | undefined;
  limit?: number | undefined;
  nextToken?: string | undefined;
  /** Sees every item that came from HeyGen (feeds completions). */
  seen?: ((items: readonly T[]) => void) | undefined;
}

export interface ListingResult<T> {
  items: T[];
  nextToken: string | undefined;
  /** Known only when the answer came from the whole (filtered) catalog. */
  total: number | undefined;
  /** Where the answer came from, for the bench and tests. */
  source: 'api' | 'local';
}

function definedEntries(rec: Record<string, string | undefined>): [string, string][] {
  return Object.entries(rec).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '').sort(([a], [b]) => a.localeCompare(b));
}

function filterKey(rec: Record<string, string | undefined>): string {
  return definedEntries(rec).map(([k, v]) => `${k}=${v}`).join('&');
}

/** The whole catalog under the API filters, loaded once per TTL at the largest page size. */
export function loadAll<T>(ctx: CatalogCtx, spec: Pick<ListingSpec<T>, 'kind' | 'apiFilters' | 'pageMax' | 'fetchPage' | 'seen'>): Promise<T[]> {
  const key = `${spec.kind}:all:${filterKey(spec.apiFilters)}`;
  return ctx.state.cache.getOrLoad(key, ctx.ttlMs, async () => {
    const { items } = await collectPages((token) => spec.fetchPage({ limit: spec.pageMax, token }, ctx.call), { maxItems: MAX_CATALOG_ITEMS });
    spec.seen?.(items);
    return items;
  });
}

/** Peeks at a whole catalog without loading it. */
export function peekAll<T>(ctx: Pick<CatalogCtx, 'state'>, kind: string, apiFilters: Record<string, string | undefined> = {}): T[] | undefined {
  return ctx.state.cache.peek<T[]>(`${kind}:all:${filterKey(apiFilters)}`);
}

/**
 * One page of a catalog list. Without local filters the page comes from HeyGen (cached per
 * filters + cursor); with a `query` or a filter HeyGen lacks, or when the whole filtered catalog
 * is cached already, the answer comes from the cached catalog, paged with a local cursor.
 */
export async function listCatalog<T>(ctx: CatalogCtx, spec: ListingSpec<T>): Promise<ListingResult<T>> {
  const limit = Math.min(spec.limit ?? PAGE_DEFAULT, PAGE_MAX);
  const query = spec.query?.trim().toLowerCase() || undefined;
  const apiToken = spec.nextToken !== undefined && !isLocalCursor(spec.nextToken) ? spec.nextToken : undefined;
  const wantsLocal = query !== undefined || spec.local !== undefined || isLocalCursor(spec.nextToken)
    || (apiToken === undefined && peekAll(ctx, spec.kind, spec.apiFilters) !== undefined);

  if (!wantsLocal) {
    const key = `${spec.kind}:page:${filterKey(spec.apiFilters)}|${limit}|${apiToken ?? ''}`;
    const page = await ctx.state.cache.getOrLoad(key, ctx.ttlMs, async () => {
      const p = await spec.fetchPage({ limit: Math.min(limit, spec.pageMax), token: apiToken }, ctx.call);
      spec.seen?.(p.items);
      return p;
    });
    return { items: page.items, nextToken: page.hasMore ? page.nextToken : undefined, total: undefined, source: 'api' };
  }

  const sig = signatureOf([spec.kind, filterKey(spec.apiFilters), filterKey(spec.local?.key ?? {}), query ?? '']);
  const offset = spec.nextToken !== undefined ? decodeCursor(spec.nextToken, sig) : 0;
  const all = await loadAll(ctx, spec);
  const matched = all.filter((item) => (!spec.local || spec.local.test(item))
    && (query === undefined || (spec.nameOf(item) ?? '').toLowerCase().includes(query)));
  const items = matched.slice(offset, offset + limit);
  const next = offset + limit < matched.length ? encodeCursor(offset + limit, sig) : undefined;
  return { items, nextToken: next, total: matched.length, source: 'local' };
}

/** Trims a filter value; empty means "no filter". */
export function clean(v: string | undefined): string | undefined {
  const t = v?.trim();
  return t ? t : undefined;
}

// Made on first use: building it loads ICU's locale data, 10-20 ms that every start would pay.
let languageNames: Intl.DisplayNames | undefined;

/**
 * HeyGen writes languages as capitalised English names (`English`). `english` is read the same
 * way, and so are codes (`en`, `pt-BR`, `zh_CN`): HeyGen's skills pass them, and HeyGen itself
 * would answer nothing for a code. The region is dropped because HeyGen names the language only.
 */
export function languageName(v: string | undefined): string | undefined {
  const t = clean(v);
  if (t === undefined) return t;
  const code = /^([a-z]{2,3})(?:[-_][a-z0-9]{2,8})*$/i.exec(t);
  if (code?.[1]) {
    languageNames ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
    const name = languageNames.of(code[1].toLowerCase());
    if (name) return name;
  }
  if (!/^[a-z]+$/i.test(t)) return t;
  return t.charAt(0).toUpperCase() + t.slice(1).toLowerCase();
}
