import type { EventStore } from '@modelcontextprotocol/server';
import { DUPLICATE_WINDOW_MS, keyIdOf, MaybeCreated, type CatalogCache, type DuplicateGuard, type JobRecord, type JobRegistry, type KeyState, type StateProvider } from './contract.js';
import { LocalUpdateBus, MemoryEventStore, MemorySessionDirectory, MemoryWebhookDeliveryLog } from './provider.js';
import { MemoryTaskStore } from './tasks.js';
import { MemoryUserKeyStore } from './user-keys.js';


export class MemoryDuplicateGuard implements DuplicateGuard {
  private readonly done = new Map<string, { at: number; value: unknown }>();
  private readonly maybe = new Map<string, number>();
  private readonly inflight = new Map<string, Promise<unknown>>();
  constructor(private readonly windowMs = DUPLICATE_WINDOW_MS, private readonly now: () => number = Date.now) {}

  async run<T>(fingerprint: string, fn: () => Promise<T>, ambiguous?: (err: unknown) => boolean): Promise<{ value: T; reused: boolean }> {
    this.sweep();
    const prior = this.done.get(fingerprint);
    if (prior) return { value: prior.value as T, reused: true };
    const since = this.maybe.get(fingerprint);
    if (since !== undefined) throw new MaybeCreated(since);
    const pending = this.inflight.get(fingerprint);
    if (pending) return { value: (await pending) as T, reused: true };
    const p = fn();
    this.inflight.set(fingerprint, p);
    try {
      const value = await p;
      this.done.set(fingerprint, { at: this.now(), value });
      return { value, reused: false };
    } catch (err) {
      if (ambiguous?.(err)) this.maybe.set(fingerprint, this.now());
      throw err;
    } finally {
      this.inflight.delete(fingerprint);
    }
  }

  private sweep(): void {
    const cutoff = this.now() - this.windowMs;
    for (const [k, v] of this.done) if (v.at < cutoff) this.done.delete(k);
    for (const [k, at] of this.maybe) if (at < cutoff) this.maybe.delete(k);
  }
}

export class MemoryJobRegistry implements JobRegistry {
  private readonly jobs: JobRecord[] = [];
  constructor(private readonly max = 500) {}
  async record(job: JobRecord): Promise<void> {
    this.jobs.push(job);
    if (this.jobs.length > this.max) this.jobs.splice(0, this.jobs.length - this.max);
  }
  async recent(limit = 50): Promise<JobRecord[]> {
    return this.jobs.slice(-limit).reverse();
  }
}

export class MemoryCatalogCache implements CatalogCache {
  private readonly entries = new Map<string, { until: number; value: unknown }>();
  private readonly loading = new Map<string, Promise<unknown>>();
  constructor(private readonly now: () => number = Date.now, private readonly maxEntries = 2_000) {}

  async getOrLoad<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
    const hit = this.peek<T>(key);
    if (hit !== undefined) return hit;
    const pending = this.loading.get(key);
    if (pending) return pending as Promise<T>;
    const p = load().then((value) => {
      if (ttlMs > 0) {
        if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
        this.entries.set(key, { until: this.now() + ttlMs, value });
      }
      return value;
    }).finally(() => this.loading.delete(key));
    this.loading.set(key, p);
    return p;
  }

  peek<T>(key: string): T | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.until <= this.now()) { this.entries.delete(key); return undefined; }
    return e.value as T;
  }

  invalidate(prefix = ''): void {
    for (const k of [...this.entries.keys()]) if (k.startsWith(prefix)) this.entries.delete(k);
  }
}

/** Hands out one KeyState per API key hash, for the life of the process. */
export class MemoryStateProvider implements StateProvider {
  readonly kind = 'memory' as const;
  readonly updates = new LocalUpdateBus();
  readonly sessions = new MemorySessionDirectory();
  readonly webhookEvents = new MemoryWebhookDeliveryLog();
  readonly userKeys = new MemoryUserKeyStore();
  private readonly states = new Map<string, KeyState>();
  // Sessions live in this process only, so each one's store lives (and dies) with its transport.
  eventStore(): EventStore {
    return new MemoryEventStore();
  }
  async lease(): Promise<boolean> {
    return true;
  }
  async close(): Promise<void> {
    this.states.clear();
  }
  forKey(apiKey: string): KeyState {
    const keyId = keyIdOf(apiKey);
    let s = this.states.get(keyId);
    if (!s) {
      s = { keyId, guard: new MemoryDuplicateGuard(), jobs: new MemoryJobRegistry(), cache: new MemoryCatalogCache(), tasks: new MemoryTaskStore() };
      this.states.set(keyId, s);
    }
    return s;
  }
}
