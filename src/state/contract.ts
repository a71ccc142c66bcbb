import { createHash } from 'node:crypto';
import type { EventStore } from '@modelcontextprotocol/server';
import type { TaskStore } from './tasks.js';
import type { UserKeyStore } from './user-keys.js';

// The contracts of the state layer, in one place: what every store (this process's memory or
// Redis) provides. Implementations live beside them (memory.ts, provider.ts, redis.ts).

/**
 * State that belongs to one HeyGen API key: the duplicate-create guard, the registry of jobs the
 * key started, and the catalog cache. Sessions that use the same key share it; different keys
 * never do. Keys are identified by a hash, never by the key itself.
 */
export interface KeyState {
  readonly keyId: string;
  guard: DuplicateGuard;
  jobs: JobRegistry;
  cache: CatalogCache;
  /** Tasks this key started (MCP Tasks), in this process or shared through Redis. */
  tasks: TaskStore;
}

export interface DuplicateGuard {
  /**
   * Runs `fn` unless an identical request (same fingerprint) succeeded within the window or is
   * in flight, in which case the earlier result is returned with `reused: true`.
   *
   * When `fn` fails with an error `ambiguous` says may have taken effect upstream (a 5xx, a
   * timeout or a cut connection on a paid create), the fingerprint is marked "maybe created" for
   * the window, and identical calls throw MaybeCreated instead of running again.
   */
  run<T>(fingerprint: string, fn: () => Promise<T>, ambiguous?: (err: unknown) => boolean): Promise<{ value: T; reused: boolean; warning?: string }>;
}

/** An identical request failed ambiguously within the window: it may exist and be paid for. */
export class MaybeCreated extends Error {
  override readonly name = 'MaybeCreated';
  /** When the ambiguous failure happened (ms since the epoch). */
  constructor(readonly since: number) {
    super('An identical request failed in a way that may have created the job');
  }
}

export interface JobRecord { kind: string; id: string; tool: string; createdAt: number }
export interface JobRegistry {
  record(job: JobRecord): Promise<void>;
  recent(limit?: number): Promise<JobRecord[]>;
}

export interface CatalogCache {
  /** Returns the cached value under `key` while fresh; otherwise loads it once (concurrent callers share the load). */
  getOrLoad<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T>;
  /** Cached value if fresh, without loading. */
  peek<T>(key: string): T | undefined;
  invalidate(prefix?: string): void;
}

export function keyIdOf(apiKey: string): string {
  return createHash('sha256').update('heygen-mcp:' + apiKey).digest('hex').slice(0, 16);
}

export const DUPLICATE_WINDOW_MS = 10 * 60_000;

/**
 * Where per-key state lives: this process (default) or Redis (`HEYGEN_MCP_REDIS_URL`), so that
 * replicas behind one load balancer share the duplicate guard, job registry, catalog caches,
 * job-update fan-out, stream events and session metadata.
 */
export interface StateProvider {
  readonly kind: 'memory' | 'redis';
  forKey(apiKey: string): KeyState;
  /** Job updates seen by any replica, delivered to every replica (this one included). */
  readonly updates: UpdateBus;
  /**
   * Event store of one stateful session's resumable streams (`Last-Event-ID`). Scoped to the
   * key and session, so an event id from another session or key replays nothing.
   */
  eventStore(keyId: string, sessionId: string): EventStore;
  /** Which key each stateful session is bound to, readable by every replica. */
  readonly sessions: SessionDirectory;
  /** HeyGen keys that signed-in people saved, sealed (hosted mode with sign-in). */
  readonly userKeys: UserKeyStore;
  /**
   * Takes or renews a named lease for this replica (one replica polls each watched job).
   * True when this replica holds it; true as well when the store cannot be reached, so work
   * carries on locally rather than stopping.
   */
  lease(name: string, ttlMs: number): Promise<boolean>;
  /**
   * Webhook deliveries already received (by event id), shared by every replica, so a retried or
   * replayed delivery signals subscribers once. Not per key: the webhook secret is the server's.
   */
  readonly webhookEvents: WebhookDeliveryLog;
  close(): Promise<void>;
}

/** A job resource whose status changed. Carries the key hash and URI only, never the key. */
export interface JobUpdate {
  keyId: string;
  uri: string;
  terminal: boolean;
  /** Replica that saw it; lets a replica skip its own announcements. */
  origin: string;
}

export interface UpdateBus {
  /** This replica's id, stamped on what it publishes. */
  readonly origin: string;
  publish(update: Omit<JobUpdate, 'origin'>): Promise<void>;
  /** Returns the function that stops listening. */
  subscribe(listener: (update: JobUpdate) => void): () => void;
}

export interface SessionMeta {
  kind: 'streamable' | 'sse';
  /**
   * Key hash the session is bound to (keyIdOf of the key, never the key). A replica that did not
   * create the session checks a request's X-HeyGen-Api-Key against it.
   */
  keyId: string;
  /** True when the client brought its own key; false when the session runs on the server's key. */
  clientKey: boolean;
  /** Replica that holds the live transport (the one sticky routing must reach). */
  replica: string;
  createdAt: number;
}

export interface SessionDirectory {
  put(id: string, meta: SessionMeta, ttlMs: number): Promise<void>;
  get(id: string): Promise<SessionMeta | undefined>;
  /** Extends the session's lifetime (called on activity). */
  touch(id: string, ttlMs: number): Promise<void>;
  delete(id: string): Promise<void>;
}

/** Webhook deliveries already received: a "seen this delivery" set with expiry. */
export interface WebhookDeliveryLog {
  /** True the first time `deliveryId` is seen within `ttlMs` (on any replica); false for a repeat. */
  firstDelivery(deliveryId: string, ttlMs: number): Promise<boolean>;
}
