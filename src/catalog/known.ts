import type { KeyState } from '../state/memory.js';
import type { CatalogCtx } from './context.js';

/** Per kind, how many ids completions remember (a bound on memory, not on catalogs). */
const MAX_PER_KIND = 20_000;

/**
 * Ids and names this key's catalog reads have already seen. Completions answer from it so that
 * completing an argument never walks a catalog. It lives in the per-key cache with the catalog
 * TTL, so it expires with the data it indexes.
 */
export class KnownIds {
  readonly groups = new Map<string, string>();
  readonly looks = new Map<string, string>();
  readonly voices = new Map<string, string>();
  readonly languages = new Set<string>();

  add(kind: 'groups' | 'looks' | 'voices', id: string, name: string | undefined): void {
    const map = this[kind];
    if (map.size < MAX_PER_KIND || map.has(id)) map.set(id, name ?? '');
  }
}

const KEY = 'catalog:known';

export async function knownIds(ctx: CatalogCtx): Promise<KnownIds> {
  return ctx.state.cache.getOrLoad(KEY, ctx.ttlMs, async () => new KnownIds());
}

export function peekKnownIds(state: KeyState): KnownIds | undefined {
  return state.cache.peek<KnownIds>(KEY);
}

/** Records ids synchronously when the index exists, and creates it in the background otherwise. */
export function remember(ctx: CatalogCtx, fn: (k: KnownIds) => void): void {
  const k = peekKnownIds(ctx.state);
  if (k) fn(k);
  else void knownIds(ctx).then(fn, () => undefined);
}

/** Up to `max` ids (or names) that start with, then contain, what the user typed. */
export function completeFrom(values: Iterable<string>, typed: string, max = 100): string[] {
  const t = typed.toLowerCase();
  const starts: string[] = [];
  const contains: string[] = [];
  for (const v of values) {
    const l = v.toLowerCase();
    if (l.startsWith(t)) starts.push(v);
    else if (t !== '' && l.includes(t)) contains.push(v);
    if (starts.length >= max) break;
  }
  return [...starts, ...contains].slice(0, max);
}
