import { createHash, randomUUID } from 'node:crypto';
import type { EventId, EventStore, StreamId } from '@modelcontextprotocol/server';
import type { JSONRPCMessage } from '@modelcontextprotocol/server';
import { Redis, type Result } from 'ioredis';
import type { Logger } from '../log.js';
import { ToolRefusal } from '../errors.js';
import { MemoryCatalogCache, MemoryDuplicateGuard, MemoryJobRegistry } from './memory.js';
import { DUPLICATE_WINDOW_MS, keyIdOf, MaybeCreated, type CatalogCache, type DuplicateGuard, type JobRecord, type JobRegistry, type KeyState } from './contract.js';
import { EVENT_TTL_MS, MAX_EVENTS_PER_STREAM, MemoryEventStore, MemoryWebhookDeliveryLog } from './provider.js';
import { type JobUpdate, type SessionDirectory, type SessionMeta, type StateProvider, type UpdateBus, type WebhookDeliveryLog } from './contract.js';
import { RedisTaskStore } from './redis-tasks.js';
import type { UserKeyStore } from './user-keys.js';

/**
 * Redis-backed shared state (`HEYGEN_MCP_REDIS_URL`). Every key lives under `heygen-mcp:`, and
 * per-API-key data under `heygen-mcp:<keyId>:` where keyId is a hash of the key.
 *
 * Failure stance: Redis being down must never cost a user money or a job id. Commands fail fast
 * (no offline queue) while ioredis reconnects in the background; each store then falls back to
 * this process's memory and logs a warning, and session lookups fail with StateUnavailable.
 */
export const NS = 'heygen-mcp';
const UPDATES_CHANNEL = `${NS}:job-updates`;

export class StateUnavailable extends Error {
  override readonly name = 'StateUnavailable';
  constructor(cause: unknown) {
    super(`The shared state store (Redis) is unavailable (${cause instanceof Error ? cause.message : String(cause)}). Retry in a few seconds.`);
  }
}

export interface RedisTuning {
  /** How long a replica waits for an identical create running elsewhere to finish. */
  inflightWaitMs: number;
  /** Lease on a create in flight; a crashed replica's claim frees itself after this. */
  claimTtlMs: number;
  /** Lease on loading one catalog, so replicas do not load the same one together. */
  loadLockMs: number;
  pollMs: number;
  duplicateWindowMs: number;
  maxJobs: number;
}

export const DEFAULT_TUNING: RedisTuning = {
  inflightWaitMs: 25_000, claimTtlMs: 120_000, loadLockMs: 15_000, pollMs: 50, duplicateWindowMs: DUPLICATE_WINDOW_MS, maxJobs: 500,
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sha = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32);

// Sets the lease when free, renews it when ours; answers 1 when we hold it.
const LEASE = "local v = redis.call('get', KEYS[1]) if v == false then redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 elseif v == ARGV[1] then redis.call('pexpire', KEYS[1], ARGV[2]) return 1 end return 0";
// Deletes a lock or claim only while it still holds our token.
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/** What every store of one provider shares: the connection, tuning and a rate-limited warning. */
interface Shared {
  redis: Redis;
  log: Logger;
  tuning: RedisTuning;
  warn(what: string, err: unknown): void;
}

class RedisDuplicateGuard implements DuplicateGuard {
  // Same-process duplicates are still caught while Redis is down.
  private readonly local: MemoryDuplicateGuard;
  constructor(private readonly s: Shared, private readonly prefix: string) {
    this.local = new MemoryDuplicateGuard(s.tuning.duplicateWindowMs);
  }

  /**
   * One Redis value per fingerprint: `pending:<token>` while a replica runs it, the JSON result
   * once it succeeded, or `maybe:<ms>` after it failed in a way that may have created the job.
   */
  async run<T>(fingerprint: string, fn: () => Promise<T>, ambiguous?: (err: unknown) => boolean): Promise<{ value: T; reused: boolean; warning?: string }> {
    const key = `${this.prefix}:dup:${sha(fingerprint)}`;
    const token = `pending:${randomUUID()}`;
    const deadline = Date.now() + this.s.tuning.inflightWaitMs;
    for (;;) {
      let claimed: boolean;
      let seen: string | null = null;
      try {
        claimed = (await this.s.redis.set(key, token, 'PX', this.s.tuning.claimTtlMs, 'NX')) === 'OK';
        if (!claimed) seen = await this.s.redis.get(key);
      } catch (err) {
        this.s.warn('duplicate guard runs on this replica only', err);
        const r = await this.local.run(fingerprint, fn, ambiguous);
        return { ...r, warning: 'The shared state store is unavailable, so this call was not checked for duplicates made on other replicas.' };
      }
      if (claimed) return this.runClaimed(key, token, fingerprint, fn, ambiguous);
      if (seen !== null && seen.startsWith('maybe:')) throw new MaybeCreated(Number(seen.slice(6)) || Date.now());
      if (seen !== null && !seen.startsWith('pending:')) return { value: JSON.parse(seen) as T, reused: true };
      // seen === null: the holder failed and let go between our SET and GET; claim again.
      if (seen !== null && Date.now() >= deadline) {
        throw new ToolRefusal('An identical request is still running (on this or another replica), so nothing was sent for this call. Wait a few seconds and call again to get its result.');
      }
      await sleep(this.s.tuning.pollMs * 2);
    }
  }

  private async runClaimed<T>(key: string, token: string, fingerprint: string, fn: () => Promise<T>, ambiguous?: (err: unknown) => boolean): Promise<{ value: T; reused: boolean; warning?: string }> {
    let value: T;
    try {
      value = await this.local.run(fingerprint, fn, ambiguous).then((r) => r.value);
    } catch (err) {
      if (ambiguous?.(err)) {
        // Every replica must hold back an identical retry, not just this one.
        await this.s.redis.set(key, `maybe:${Date.now()}`, 'PX', this.s.tuning.duplicateWindowMs)
          .catch((e: unknown) => this.s.warn('a maybe-created create is known on this replica only', e));
      } else {
        await this.s.redis.eval(RELEASE, 1, key, token).catch(() => undefined);
      }
      throw err;
    }
    try {
      await this.s.redis.set(key, JSON.stringify(value), 'PX', this.s.tuning.duplicateWindowMs);
    } catch (err) {
      // The create happened: its result goes back to the caller whatever Redis says.
      this.s.warn('could not share a create result with other replicas', err);
    }
    return { value, reused: false };
  }
}

class RedisJobRegistry implements JobRegistry {
  private readonly mirror: MemoryJobRegistry;
  private pending: JobRecord[] = [];
  constructor(private readonly s: Shared, private readonly key: string) {
    this.mirror = new MemoryJobRegistry(s.tuning.maxJobs);
  }

  /** Never throws: a job id that HeyGen gave us is kept here until Redis takes it. */
  async record(job: JobRecord): Promise<void> {
    await this.mirror.record(job);
    this.pending.push(job);
    await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    try {
      await this.s.redis.multi().lpush(this.key, ...batch.map((j) => JSON.stringify(j))).ltrim(this.key, 0, this.s.tuning.maxJobs - 1).exec();
    } catch (err) {
      this.pending = [...batch, ...this.pending].slice(-this.s.tuning.maxJobs);
      this.s.warn('job ids kept on this replica until Redis is back', err);
    }
  }

  async recent(limit = 50): Promise<JobRecord[]> {
    try {
      await this.flush();
      const rows = await this.s.redis.lrange(this.key, 0, limit - 1);
      return rows.map((r) => JSON.parse(r) as JobRecord);
    } catch (err) {
      this.s.warn('job registry read from this replica only', err);
      return this.mirror.recent(limit);
    }
  }
}

class RedisCatalogCache implements CatalogCache {
  // Keeps what this replica has seen, for the synchronous peek() and for loads while Redis is down.
  private readonly near = new MemoryCatalogCache();
  private readonly loading = new Map<string, Promise<unknown>>();
  constructor(private readonly s: Shared, private readonly prefix: string) {}

  getOrLoad<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
    const pending = this.loading.get(key);
    if (pending) return pending as Promise<T>;
    const p = this.shared(key, ttlMs, load).finally(() => this.loading.delete(key));
    this.loading.set(key, p);
    return p;
  }

  private async shared<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
    const vkey = `${this.prefix}:cache:${key}`;
    const lkey = `${this.prefix}:lock:${key}`;
    const token = randomUUID();
    const deadline = Date.now() + this.s.tuning.loadLockMs;
    try {
      for (;;) {
        const hit = await this.s.redis.pget(vkey);
        if (hit !== null) return this.keep(key, JSON.parse(hit[0]) as T, hit[1]);
        if (ttlMs <= 0 || Date.now() >= deadline) break;
        if ((await this.s.redis.set(lkey, token, 'PX', this.s.tuning.loadLockMs, 'NX')) === 'OK') {
          try {
            const value = await load();
            await this.s.redis.set(vkey, JSON.stringify(value), 'PX', ttlMs).catch((err: unknown) => this.s.warn('catalog not shared', err));
            return this.keep(key, value, ttlMs);
          } finally {
            await this.s.redis.eval(RELEASE, 1, lkey, token).catch(() => undefined);
          }
        }
        await sleep(this.s.tuning.pollMs);
      }
    } catch (err) {
      this.s.warn('catalog cache works on this replica only', err);
      return this.near.getOrLoad(key, ttlMs, load);
    }
    return load();
  }

  private keep<T>(key: string, value: T, ttlMs: number): T {
    if (ttlMs > 0) void this.near.getOrLoad(key, ttlMs, async () => value);
    return value;
  }

  peek<T>(key: string): T | undefined {
    return this.near.peek<T>(key);
  }

  invalidate(prefix = ''): void {
    this.near.invalidate(prefix);
    void this.dropShared(`${this.prefix}:cache:${prefix}`).catch((err: unknown) => this.s.warn('shared catalog not invalidated', err));
  }

  private async dropShared(match: string): Promise<void> {
    let cursor = '0';
    do {
      const [next, keys] = await this.s.redis.scan(cursor, 'MATCH', `${match.replace(/[*?[\]\\]/g, '\\$&')}*`, 'COUNT', 200);
      if (keys.length > 0) await this.s.redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  }
}

declare module 'ioredis' {
  interface RedisCommander<Context> {
    /** Value and remaining TTL (ms) in one round trip. */
    pget(key: string): Result<[string, number] | null, Context>;
  }
}

/**
 * Resumable stream events of one session in Redis streams, one per SDK stream, capped and
 * expiring. Event ids are `<streamId>_<redis entry id>`. While Redis is down, events are kept
 * in memory so the live stream still delivers them.
 */
class RedisEventStore implements EventStore {
  private readonly fallback = new MemoryEventStore();
  constructor(private readonly s: Shared, private readonly prefix: string) {}

  private keyOf(streamId: string): string {
    return `${this.prefix}:${streamId}`;
  }

  async storeEvent(streamId: StreamId, message: JSONRPCMessage): Promise<EventId> {
    const key = this.keyOf(streamId);
    try {
      const res = await this.s.redis.multi()
        .xadd(key, 'MAXLEN', '~', MAX_EVENTS_PER_STREAM, '*', 'm', JSON.stringify(message))
        .pexpire(key, EVENT_TTL_MS)
        .exec();
      const id = res?.[0]?.[1];
      if (typeof id !== 'string') throw new Error('XADD returned no id');
      return `${streamId}_${id}`;
    } catch (err) {
      this.s.warn('stream events kept on this replica only', err);
      return this.fallback.storeEvent(streamId, message);
    }
  }

  async getStreamIdForEventId(eventId: EventId): Promise<StreamId | undefined> {
    const parsed = parseEventId(eventId);
    if (!parsed) return this.fallback.getStreamIdForEventId(eventId);
    return (await this.s.redis.exists(this.keyOf(parsed.streamId))) ? parsed.streamId : undefined;
  }

  async replayEventsAfter(lastEventId: EventId, { send }: { send: (id: EventId, m: JSONRPCMessage) => Promise<void> }): Promise<StreamId> {
    const parsed = parseEventId(lastEventId);
    if (!parsed) return this.fallback.replayEventsAfter(lastEventId, { send });
    const rows = await this.s.redis.xrange(this.keyOf(parsed.streamId), `(${parsed.entry}`, '+', 'COUNT', MAX_EVENTS_PER_STREAM);
    for (const [entry, fields] of rows) {
      const raw = fields[1];
      if (raw !== undefined) await send(`${parsed.streamId}_${entry}`, JSON.parse(raw) as JSONRPCMessage);
    }
    return parsed.streamId;
  }
}

function parseEventId(eventId: string): { streamId: string; entry: string } | undefined {
  const at = eventId.lastIndexOf('_');
  const entry = eventId.slice(at + 1);
  if (at <= 0 || !/^\d{1,20}-\d{1,20}$/.test(entry)) return undefined;
  return { streamId: eventId.slice(0, at), entry };
}

class RedisUpdateBus implements UpdateBus {
  readonly origin = randomUUID();
  private readonly listeners = new Set<(u: JobUpdate) => void>();
  constructor(private readonly s: Shared, sub: Redis) {
    sub.on('message', (channel: string, raw: string) => {
      if (channel !== UPDATES_CHANNEL) return;
      let u: JobUpdate;
      try {
        u = JSON.parse(raw) as JobUpdate;
      } catch {
        return;
      }
      // Our own announcements were delivered locally already, Redis or not.
      if (u.origin !== this.origin && typeof u.uri === 'string' && typeof u.keyId === 'string') this.emit(u);
    });
  }

  async publish(update: Omit<JobUpdate, 'origin'>): Promise<void> {
    const full: JobUpdate = { ...update, origin: this.origin };
    this.emit(full);
    await this.s.redis.publish(UPDATES_CHANNEL, JSON.stringify(full)).catch((err: unknown) => this.s.warn('job update reached this replica only', err));
  }

  subscribe(listener: (u: JobUpdate) => void): () => void {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  }

  private emit(u: JobUpdate): void {
    for (const l of [...this.listeners]) {
      try {
        l(u);
      } catch (err) {
        this.s.log.debug('job update listener failed', { error: err });
      }
    }
  }
}

class RedisSessionDirectory implements SessionDirectory {
  constructor(private readonly s: Shared) {}
  private key(id: string): string {
    return `${NS}:session:${sha(id)}`;
  }
  async put(id: string, meta: SessionMeta, ttlMs: number): Promise<void> {
    await this.s.redis.set(this.key(id), JSON.stringify(meta), 'PX', ttlMs).catch((err: unknown) => { throw new StateUnavailable(err); });
  }
  async get(id: string): Promise<SessionMeta | undefined> {
    const raw = await this.s.redis.get(this.key(id)).catch((err: unknown) => { throw new StateUnavailable(err); });
    return raw === null ? undefined : (JSON.parse(raw) as SessionMeta);
  }
  async touch(id: string, ttlMs: number): Promise<void> {
    await this.s.redis.pexpire(this.key(id), ttlMs).catch((err: unknown) => this.s.warn('session lifetime not extended', err));
  }
  async delete(id: string): Promise<void> {
    await this.s.redis.del(this.key(id)).catch((err: unknown) => this.s.warn('session not removed from Redis', err));
  }
}

/** Deliveries seen by any replica: one `SET NX` per delivery id, expiring after the ttl. */
class RedisWebhookDeliveryLog implements WebhookDeliveryLog {
  // While Redis is down, this replica still drops repeats it saw itself.
  private readonly local = new MemoryWebhookDeliveryLog();
  constructor(private readonly s: Shared) {}
  async firstDelivery(deliveryId: string, ttlMs: number): Promise<boolean> {
    const localFirst = await this.local.firstDelivery(deliveryId, ttlMs);
    try {
      return (await this.s.redis.set(`${NS}:webhook-delivery:${sha(deliveryId)}`, '1', 'PX', ttlMs, 'NX')) === 'OK';
    } catch (err) {
      // Dropping a genuine delivery would lose an update; letting a replay through on another
      // replica only repeats a signal. So without Redis, this replica's memory decides.
      this.s.warn('webhook repeats are caught on this replica only', err);
      return localFirst;
    }
  }
}

/**
 * Saved HeyGen keys, sealed, under `heygen-mcp:userkey:<userId>`. No memory fallback: a
 * replica that cannot read the store must not tell a person they have no key.
 */
class RedisUserKeyStore implements UserKeyStore {
  constructor(private readonly s: Shared) {}
  private key(userId: string): string {
    return `${NS}:userkey:${userId}`;
  }
  async get(userId: string): Promise<string | undefined> {
    try {
      return (await this.s.redis.get(this.key(userId))) ?? undefined;
    } catch (err) {
      throw new StateUnavailable(err);
    }
  }
  async put(userId: string, sealed: string): Promise<void> {
    try {
      await this.s.redis.set(this.key(userId), sealed);
    } catch (err) {
      throw new StateUnavailable(err);
    }
  }
  async delete(userId: string): Promise<void> {
    try {
      await this.s.redis.del(this.key(userId));
    } catch (err) {
      throw new StateUnavailable(err);
    }
  }
}

export interface RedisProviderOptions {
  log: Logger;
  tuning?: Partial<RedisTuning>;
  /** How long connect() waits for the first connection before starting degraded. */
  connectTimeoutMs?: number;
}

export class RedisStateProvider implements StateProvider {
  readonly kind = 'redis' as const;
  readonly updates: UpdateBus;
  readonly sessions: SessionDirectory;
  readonly webhookEvents: WebhookDeliveryLog;
  readonly userKeys: UserKeyStore;
  private readonly shared: Shared;
  private readonly states = new Map<string, KeyState & { jobs: RedisJobRegistry }>();
  private lastWarn = 0;

  private constructor(private readonly redis: Redis, private readonly sub: Redis, log: Logger, tuning: RedisTuning) {
    this.shared = { redis, log, tuning, warn: (what, err) => this.warn(what, err) };
    this.updates = new RedisUpdateBus(this.shared, sub);
    this.sessions = new RedisSessionDirectory(this.shared);
    this.webhookEvents = new RedisWebhookDeliveryLog(this.shared);
    this.userKeys = new RedisUserKeyStore(this.shared);
    redis.on('ready', () => {
      log.info('redis: connected');
      // Job ids recorded while Redis was away go in now.
      for (const s of this.states.values()) void s.jobs.flush();
    });
  }

  /** Connects (waiting up to connectTimeoutMs) and subscribes to job updates. */
  static async connect(url: string, opts: RedisProviderOptions): Promise<RedisStateProvider> {
    const { log } = opts;
    const make = (subscriber = false) => {
      const r = new Redis(url, {
        enableOfflineQueue: false,
        // The subscriber subscribes again on every 'ready' itself (below), catching a refusal.
        // ioredis's own resubscription sends SUBSCRIBE without a catch, and without an offline
        // queue a connection that drops again at that moment rejects it: an unhandled rejection.
        ...(subscriber ? { autoResubscribe: false } : {}),
        maxRetriesPerRequest: 1,
        commandTimeout: 2_000,
        connectTimeout: 2_000,
        retryStrategy: (times) => Math.min(100 * 2 ** Math.min(times, 5), 2_000),
        lazyConnect: true,
      });
      r.on('error', (err: Error) => log.debug('redis connection error', { error: err.message }));
      return r;
    };
    const redis = make();
    redis.defineCommand('pget', { numberOfKeys: 1, lua: "local v = redis.call('get', KEYS[1]) if not v then return nil end return {v, redis.call('pttl', KEYS[1])}" });
    const sub = make(true);
    // The subscriber re-subscribes on every reconnect; a subscribe before the first connection
    // would be refused without an offline queue.
    sub.on('ready', () => { void sub.subscribe(UPDATES_CHANNEL).catch((err: unknown) => log.debug('redis subscribe failed', { error: err })); });
    const provider = new RedisStateProvider(redis, sub, log, { ...DEFAULT_TUNING, ...opts.tuning });
    const timeout = opts.connectTimeoutMs ?? 5_000;
    const first = Promise.all([redis.connect(), sub.connect()]);
    const ok = await Promise.race([first.then(() => true, () => false), sleep(timeout).then(() => false)]);
    if (!ok) log.warn('redis: not reachable yet; running on per-replica state and reconnecting in the background');
    return provider;
  }

  /** True while commands can reach Redis. */
  get ready(): boolean {
    return this.redis.status === 'ready';
  }

  forKey(apiKey: string): KeyState {
    const keyId = keyIdOf(apiKey);
    let s = this.states.get(keyId);
    if (!s) {
      const prefix = `${NS}:${keyId}`;
      s = {
        keyId, guard: new RedisDuplicateGuard(this.shared, prefix), jobs: new RedisJobRegistry(this.shared, `${prefix}:jobs`), cache: new RedisCatalogCache(this.shared, prefix),
        tasks: new RedisTaskStore({ redis: this.redis, prefix, origin: this.updates.origin, warn: (what, err) => this.warn(what, err) }),
      };
      this.states.set(keyId, s);
    }
    return s;
  }

  eventStore(keyId: string, sessionId: string): EventStore {
    return new RedisEventStore(this.shared, `${NS}:${keyId}:ev:${sha(sessionId)}`);
  }

  async lease(name: string, ttlMs: number): Promise<boolean> {
    try {
      return (await this.redis.eval(LEASE, 1, `${NS}:lease:${sha(name)}`, this.updates.origin, ttlMs)) === 1;
    } catch (err) {
      this.warn('job watches polled by every replica', err);
      return true;
    }
  }

  async close(): Promise<void> {
    for (const s of this.states.values()) await s.jobs.flush();
    this.redis.disconnect();
    this.sub.disconnect();
  }

  private warn(what: string, err: unknown): void {
    const now = Date.now();
    if (now - this.lastWarn < 10_000) return;
    this.lastWarn = now;
    this.shared.log.warn(`redis unavailable: ${what}`, { error: err instanceof Error ? err.message : String(err) });
  }
}
