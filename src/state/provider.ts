import { randomUUID } from 'node:crypto';
import type { EventId, EventStore, StreamId } from '@modelcontextprotocol/server';
import type { JSONRPCMessage } from '@modelcontextprotocol/server';
import type { JobUpdate, SessionDirectory, SessionMeta, UpdateBus, WebhookDeliveryLog } from './contract.js';

/** Same-process fan-out: listeners are called synchronously-ish, on the next microtask. */
export class LocalUpdateBus implements UpdateBus {
  readonly origin = randomUUID();
  private readonly listeners = new Set<(u: JobUpdate) => void>();
  async publish(update: Omit<JobUpdate, 'origin'>): Promise<void> {
    const full = { ...update, origin: this.origin };
    for (const l of [...this.listeners]) l(full);
  }
  subscribe(listener: (u: JobUpdate) => void): () => void {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  }
}

export const EVENT_TTL_MS = 15 * 60_000;
export const MAX_EVENTS_PER_STREAM = 1_000;

/**
 * Bounded in-process event store (one per session): per stream, the last 1,000 events for 15
 * minutes. Event ids are `<streamId>_<seq>` so the stream is known from the id alone.
 */
export class MemoryEventStore implements EventStore {
  private readonly streams = new Map<StreamId, { seq: number; at: number; events: { id: EventId; message: JSONRPCMessage }[] }>();
  constructor(private readonly ttlMs = EVENT_TTL_MS, private readonly max = MAX_EVENTS_PER_STREAM, private readonly now: () => number = Date.now) {}

  async storeEvent(streamId: StreamId, message: JSONRPCMessage): Promise<EventId> {
    this.sweep();
    let s = this.streams.get(streamId);
    if (!s) this.streams.set(streamId, (s = { seq: 0, at: 0, events: [] }));
    s.seq++;
    s.at = this.now();
    const id = `${streamId}_${String(s.seq).padStart(10, '0')}`;
    s.events.push({ id, message });
    if (s.events.length > this.max) s.events.splice(0, s.events.length - this.max);
    return id;
  }

  async getStreamIdForEventId(eventId: EventId): Promise<StreamId | undefined> {
    const streamId = streamOfEvent(eventId);
    return streamId && this.streams.has(streamId) ? streamId : undefined;
  }

  async replayEventsAfter(lastEventId: EventId, { send }: { send: (id: EventId, m: JSONRPCMessage) => Promise<void> }): Promise<StreamId> {
    const streamId = streamOfEvent(lastEventId);
    const s = streamId ? this.streams.get(streamId) : undefined;
    if (!streamId || !s) return '';
    for (const e of s.events) if (e.id > lastEventId) await send(e.id, e.message);
    return streamId;
  }

  private sweep(): void {
    const cutoff = this.now() - this.ttlMs;
    for (const [k, s] of this.streams) if (s.at < cutoff) this.streams.delete(k);
  }
}

/** `<streamId>_<seq>` → streamId; undefined for ids this server never issued. */
export function streamOfEvent(eventId: string): string | undefined {
  const m = /^(.{1,200})_\d{10}$/.exec(eventId);
  return m ? m[1] : undefined;
}

export class MemorySessionDirectory implements SessionDirectory {
  private readonly entries = new Map<string, { meta: SessionMeta; until: number }>();
  constructor(private readonly now: () => number = Date.now) {}
  async put(id: string, meta: SessionMeta, ttlMs: number): Promise<void> {
    this.entries.set(id, { meta, until: this.now() + ttlMs });
  }
  async get(id: string): Promise<SessionMeta | undefined> {
    const e = this.entries.get(id);
    if (!e) return undefined;
    if (e.until <= this.now()) { this.entries.delete(id); return undefined; }
    return e.meta;
  }
  async touch(id: string, ttlMs: number): Promise<void> {
    const e = this.entries.get(id);
    if (e) e.until = this.now() + ttlMs;
  }
  async delete(id: string): Promise<void> {
    this.entries.delete(id);
  }
}


/** This process's delivery log: bounded, oldest forgotten first when full. */
export class MemoryWebhookDeliveryLog implements WebhookDeliveryLog {
  private readonly seen = new Map<string, number>();
  constructor(private readonly max = 100_000, private readonly now: () => number = Date.now) {}
  async firstDelivery(deliveryId: string, ttlMs: number): Promise<boolean> {
    const now = this.now();
    const until = this.seen.get(deliveryId);
    if (until !== undefined && until > now) return false;
    this.seen.delete(deliveryId);
    this.seen.set(deliveryId, now + ttlMs);
    // Entries go in in time order (for one ttl), so expired ones sit at the front.
    for (const [id, t] of this.seen) {
      if (t > now && this.seen.size <= this.max) break;
      this.seen.delete(id);
    }
    return true;
  }
}
