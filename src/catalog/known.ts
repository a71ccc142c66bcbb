import type { KeyState } from '../state/contract.js';

/** Per kind, how many ids completions remember (a bound on memory, not on catalogs). */
const MAX_PER_KIND = 20_000;

/**
 * Ids and names this key's catalog reads have already seen. Completions answer from it so that
 * completing an argument never walks a catalog. It expires with the catalog TTL.
 */
export class KnownIds {
  readonly groups = new Map<string, string>();
  readonly looks = new Map<string, string>();
  readonly voices = new Map<string, string>();
  readonly languages = new Set<string>();
  constructor(readonly until: number) {}

  add(kind: 'groups' | 'looks' | 'voices', id: string, name: string | undefined): void {
    const map = this[kind];
    if (map.size < MAX_PER_KIND || map.has(id)) map.set(id, name ?? '');
  }
}

/*
 * Held beside the key's state rather than in its cache: the cache may be shared through Redis
 * as JSON, which would turn these Maps into empty objects, and completion hints need not be
 * shared between replicas. The WeakMap lets the index go when the key's state goes.
 */
const indexes = new WeakMap<KeyState, KnownIds>();

export function peekKnownIds(state: KeyState): KnownIds | undefined {
  const k = indexes.get(state);
  return k && k.until > Date.now() ? k : undefined;
}

/**
 * Records what a read brought in (nothing when caching is off). Takes the two fields of a
 * catalog context it reads, not the context itself: context.ts imports this module to forget
 * the ids when a catalog changes.
 */
export function remember(ctx: { state: KeyState; ttlMs: number }, fn: (k: KnownIds) => void): void {
  if (ctx.ttlMs <= 0) return;
  let k = peekKnownIds(ctx.state);
  if (!k) {
    k = new KnownIds(Date.now() + ctx.ttlMs);
    indexes.set(ctx.state, k);
  }
  fn(k);
}

export function forgetKnownIds(state: KeyState): void {
  indexes.delete(state);
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
