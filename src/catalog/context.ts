import type { ServerDeps } from '../context.js';
import type { HeyGenClient } from '../heygen/client.js';
import type { CallOptions } from '../heygen/http.js';
import type { KeyState } from '../state/contract.js';
import { forgetKnownIds } from './known.js';

/** What a catalog read needs: the client, the per-key state (its cache) and the TTL. */
export interface CatalogCtx {
  heygen: HeyGenClient;
  state: KeyState;
  ttlMs: number;
  call: CallOptions;
}

export function catalogCtx(deps: Pick<ServerDeps, 'heygen' | 'state' | 'config'>, call: CallOptions = {}): CatalogCtx {
  return { heygen: deps.heygen, state: deps.state, ttlMs: deps.config.catalogTtlSeconds * 1000, call };
}

/**
 * Returns a cached detail, or fetches it and caches it only when `keep` says the value is
 * settled: a clone or avatar still training must be seen fresh on the next call.
 */
export async function cachedDetail<T>(ctx: CatalogCtx, key: string, load: () => Promise<T>, keep: (v: T) => boolean): Promise<T> {
  const hit = ctx.state.cache.peek<T>(key);
  if (hit !== undefined) return hit;
  const value = await load();
  if (keep(value)) await ctx.state.cache.getOrLoad(key, ctx.ttlMs, async () => value);
  return value;
}

/** Statuses after which a catalog entry no longer changes on its own. */
export function isSettled(status: string | undefined): boolean {
  return status === undefined || status === 'completed' || status === 'complete' || status === 'failed';
}

/** Call after a create or delete so the next list shows the change (prefix: 'avatars' or 'voices'). */
export function invalidateCatalog(state: KeyState, prefix: 'avatars' | 'voices'): void {
  state.cache.invalidate(`${prefix}:`);
  forgetKnownIds(state);
}
