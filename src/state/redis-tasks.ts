import type { Redis } from 'ioredis';
import { isTerminal, MemoryTaskStore, type TaskRecord, type TaskStore } from './tasks.js';

// Replaces the value only if it is still the one read (compare-and-set), keeping its expiry.
const SWAP = "if redis.call('get', KEYS[1]) == ARGV[1] then redis.call('set', KEYS[1], ARGV[2], 'KEEPTTL') return 1 end return 0";
// Deletes the lease only while it is ours.
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
// Sets the lease when free, renews it when ours; answers 1 when we hold it.
const LEASE = "local v = redis.call('get', KEYS[1]) if v == false then redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 elseif v == ARGV[1] then redis.call('pexpire', KEYS[1], ARGV[2]) return 1 end return 0";

/** Redis expires a task within a millisecond or so of its TTL; a read in between still says missing. */
function live(r: TaskRecord): TaskRecord | undefined {
  return r.createdAt + r.ttlMs > Date.now() ? r : undefined;
}

export interface RedisTaskDeps {
  redis: Redis;
  /** `heygen-mcp:<keyId>`: tasks of one API key live under it. */
  prefix: string;
  /** This replica's id: the holder of the follow leases it takes. */
  origin: string;
  warn(what: string, err: unknown): void;
}

/**
 * Tasks in Redis: one JSON value per task with the task's TTL, and a sorted set (by creation)
 * for listing. Changes are compare-and-set, so two replicas finishing the same task cannot
 * overwrite a terminal status. When Redis is unreachable, tasks are kept in this replica's
 * memory (they then answer on this replica only), as the other stores do.
 */
export class RedisTaskStore implements TaskStore {
  private readonly local = new MemoryTaskStore();
  constructor(private readonly d: RedisTaskDeps) {}

  private key(id: string): string {
    return `${this.d.prefix}:task:${id}`;
  }

  async create(record: TaskRecord): Promise<void> {
    try {
      await this.d.redis.multi()
        // The TTL runs from the task's creation, as the client was told.
        .set(this.key(record.taskId), JSON.stringify(record), 'PX', Math.max(1, record.createdAt + record.ttlMs - Date.now()))
        .zadd(`${this.d.prefix}:tasks`, record.createdAt, record.taskId)
        .zremrangebyscore(`${this.d.prefix}:tasks`, 0, Date.now() - record.ttlMs)
        .exec();
    } catch (err) {
      this.d.warn('tasks kept on this replica until Redis is back', err);
      await this.local.create(record);
    }
  }

  async get(taskId: string): Promise<TaskRecord | undefined> {
    try {
      const raw = await this.d.redis.get(this.key(taskId));
      return raw ? live(JSON.parse(raw) as TaskRecord) : this.local.get(taskId);
    } catch (err) {
      this.d.warn('tasks read from this replica only', err);
      return this.local.get(taskId);
    }
  }

  async update(taskId: string, change: (r: TaskRecord) => TaskRecord | undefined): Promise<TaskRecord | undefined> {
    // Compare-and-set: under contention each round lets one writer through, so a few dozen rounds
    // cover any realistic number of concurrent writers to one task.
    for (let attempt = 0; attempt < 50; attempt++) {
      let raw: string | null;
      try {
        raw = await this.d.redis.get(this.key(taskId));
      } catch (err) {
        this.d.warn('tasks updated on this replica only', err);
        return this.local.update(taskId, change);
      }
      if (!raw) return this.local.update(taskId, change);
      const current = JSON.parse(raw) as TaskRecord;
      if (isTerminal(current.status)) return current;
      const next = change(current);
      if (!next) return current;
      const swapped = await this.d.redis.eval(SWAP, 1, this.key(taskId), raw, JSON.stringify(next)).catch(() => 0);
      if (swapped === 1) return next;
      await new Promise((r) => setTimeout(r, Math.random() * 5));
    }
    return this.get(taskId);
  }

  async list(limit: number, before = Infinity): Promise<TaskRecord[]> {
    try {
      const max = Number.isFinite(before) ? `(${before}` : '+inf';
      const ids = await this.d.redis.zrevrangebyscore(`${this.d.prefix}:tasks`, max, '-inf', 'LIMIT', 0, limit);
      if (ids.length === 0) return [];
      const raws = await this.d.redis.mget(...ids.map((id) => this.key(id)));
      return raws.filter((r): r is string => r !== null).map((r) => live(JSON.parse(r) as TaskRecord)).filter((r): r is TaskRecord => r !== undefined);
    } catch (err) {
      this.d.warn('tasks listed from this replica only', err);
      return this.local.list(limit, before);
    }
  }

  async claim(taskId: string, ttlMs: number): Promise<boolean> {
    try {
      return (await this.d.redis.eval(LEASE, 1, `${this.d.prefix}:task-follow:${taskId}`, this.d.origin, ttlMs)) === 1;
    } catch (err) {
      this.d.warn('tasks followed by every replica that reads them', err);
      return true;
    }
  }

  async release(taskId: string): Promise<void> {
    await this.d.redis.eval(RELEASE, 1, `${this.d.prefix}:task-follow:${taskId}`, this.d.origin).catch(() => undefined);
  }
}
