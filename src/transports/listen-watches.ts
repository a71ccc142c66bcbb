import type { HeyGenClient } from '../heygen/client.js';
import type { JobWatcher, WatchSubscriber } from '../hosted/poller.js';

/**
 * The job watches behind 2026-07-28 `subscriptions/listen` streams. The serving entries own
 * the streams (acknowledgement, filtering, subscription ids); this starts the shared poller on
 * the job URIs a stream asked for and stops it when the last stream asking for one closes. One
 * watch per (key, URI) however many streams follow it, so each change is announced once and
 * the entry copies it to every stream that subscribed to that URI.
 */
export class ListenWatches {
  private readonly entries = new Map<string, { sub: WatchSubscriber; count: number }>();

  constructor(private readonly watcher: JobWatcher) {}

  /** Watches `uris` for one stream; returns the function that lets go of them. */
  open(keyId: string, heygen: HeyGenClient, uris: readonly string[], announce: (uri: string) => void): () => void {
    const held: string[] = [];
    for (const uri of new Set(uris)) {
      if (!uri.startsWith('heygen://')) continue;
      const id = `${keyId}\n${uri}`;
      let e = this.entries.get(id);
      if (!e) {
        const sub = this.watcher.subscriber(keyId, heygen, announce);
        if (!sub.subscribe(uri)) continue; // not a job resource: it never changes
        e = { sub, count: 0 };
        this.entries.set(id, e);
      }
      e.count++;
      held.push(id);
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const id of held) {
        const e = this.entries.get(id);
        if (!e || --e.count > 0) continue;
        e.sub.release();
        this.entries.delete(id);
      }
    };
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The job URIs a `subscriptions/listen` request asks to follow (empty when it asks for none). */
export function listenedUris(params: unknown): string[] {
  const n = (params as { notifications?: { resourceSubscriptions?: unknown } } | undefined)?.notifications;
  const list = n?.resourceSubscriptions;
  return Array.isArray(list) ? list.filter((u): u is string => typeof u === 'string' && u.length <= 2048).slice(0, 100) : [];
}
