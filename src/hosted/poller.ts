import type { HeyGenClient } from '../heygen/client.js';
import { isHeyGenError } from '../heygen/errors.js';
import type { CallOptions } from '../heygen/http.js';
import type { Logger } from '../log.js';

/** What a job resource URI names, and how to read the job's status. */
export interface JobTarget { kind: string; id: string }
export interface JobState { status: string; done: boolean; failed: boolean }
export interface JobReader {
  /** The job a `heygen://…` URI names; undefined for resources that never change. */
  parse(uri: string): JobTarget | undefined;
  read(heygen: HeyGenClient, target: JobTarget, call: CallOptions): Promise<JobState>;
}

/** One subscribed session: what it watches and how to tell it. */
export interface WatchSubscriber {
  /** Starts watching; false when the URI is not a job resource (nothing will change). */
  subscribe(uri: string): boolean;
  unsubscribe(uri: string): void;
  /** Drops every subscription of this session (server closed). */
  release(): void;
}

interface Sub {
  notify(uri: string): void;
  uris: Set<string>;
  /** Followers (waits, tasks) hear every read, not only changes, and learn when the job is gone. */
  onState?(state: JobState): void;
  onGone?(): void;
  /** A read failed (after the client's own retries); the watch itself carries on. */
  onError?(err: unknown): void;
}
interface Watch {
  id: string; uri: string; target: JobTarget; heygen: HeyGenClient;
  subs: Set<Sub>; last: string | undefined; lastState: JobState | undefined; lastAt: number; delayMs: number;
  timer: NodeJS.Timeout | undefined; abort: AbortController; ended: boolean;
}

/**
 * Replicas sharing one state store (Redis): one replica polls each job (the lease holder) and
 * announces what it sees; the others hear it through `remoteUpdate`.
 */
export interface SharedWatch {
  claim(watchId: string, leaseMs: number): Promise<boolean>;
  announce(keyId: string, uri: string, terminal: boolean): void;
  /** A webhook about job `id` reached this replica: pass it on, so every replica's watchers hear it. */
  signal(id: string, terminal: boolean): void;
}

export interface WatcherOptions { reader: JobReader; log: Logger; minMs?: number; maxMs?: number; shared?: SharedWatch | undefined }

/**
 * One background poll per (API key, job URI), however many sessions subscribe to it. The delay
 * starts at 2 s, doubles to 30 s while nothing changes and drops back when the status moves.
 * Every status change becomes `notifications/resources/updated` for each subscriber; a terminal
 * status ends the watch (and the subscriptions), and so does the last subscriber leaving.
 */
export class JobWatcher {
  private readonly watches = new Map<string, Watch>();
  private readonly minMs: number;
  private readonly maxMs: number;

  constructor(private readonly opts: WatcherOptions) {
    this.minMs = opts.minMs ?? 2_000;
    this.maxMs = opts.maxMs ?? 30_000;
  }

  /** Live (key, URI) watches: what the poller is spending requests on. */
  get size(): number {
    return this.watches.size;
  }

  subscriber(keyId: string, heygen: HeyGenClient, notify: (uri: string) => void): WatchSubscriber {
    const sub: Sub = { notify, uris: new Set() };
    return {
      subscribe: (uri) => {
        const target = this.opts.reader.parse(uri);
        if (!target) return false;
        const id = `${keyId}\n${uri}`;
        let w = this.watches.get(id);
        if (!w) {
          w = this.open(id, uri, target, heygen);
        }
        w.subs.add(sub);
        sub.uris.add(id);
        return true;
      },
      unsubscribe: (uri) => this.leave(sub, `${keyId}\n${uri}`),
      release: () => { for (const id of [...sub.uris]) this.leave(sub, id); },
    };
  }

  /**
   * Follows one job for a wait or a task: `onState` hears every status read (the latest known
   * one at once, when the watch already has one), `onGone` that the job cannot be read any more.
   * Followers of the same (key, job) share one watch, so a hundred waits cost the polls of one.
   * Returns the function that stops following.
   */
  follow(keyId: string, heygen: HeyGenClient, uri: string, on: { onState(state: JobState): void; onGone?(): void; onError?(err: unknown): void }): () => void {
    const target = this.opts.reader.parse(uri);
    if (!target) throw new Error(`not a job resource: ${uri}`);
    const id = `${keyId}\n${uri}`;
    const w = this.watches.get(id) ?? this.open(id, uri, target, heygen);
    const sub: Sub = { notify: () => undefined, uris: new Set([id]), onState: on.onState, ...(on.onGone ? { onGone: on.onGone } : {}), ...(on.onError ? { onError: on.onError } : {}) };
    w.subs.add(sub);
    if (w.lastState && Date.now() - w.lastAt <= this.minMs) {
      // Read moments ago: the newcomer shares it. (Joiners arriving together cost no extra read.)
      const known = w.lastState;
      queueMicrotask(() => { if (sub.uris.has(id)) sub.onState?.(known); });
    } else if (w.lastState && w.timer) {
      // The last read is older than the shortest interval (the watch may be 30 s into a backoff,
      // and the job may have moved on since, e.g. an answer was sent): read it now.
      this.readNow(w);
    }
    return () => this.leave(sub, id);
  }

  /** Something changed a job on purpose (an answer was sent): read it again soon. */
  nudge(keyId: string, uri: string): void {
    const w = this.watches.get(`${keyId}\n${uri}`);
    if (w) this.reschedule(w, this.minMs);
  }

  private open(id: string, uri: string, target: JobTarget, heygen: HeyGenClient): Watch {
    const w: Watch = { id, uri, target, heygen, subs: new Set(), last: undefined, lastState: undefined, lastAt: 0, delayMs: this.minMs, timer: undefined, abort: new AbortController(), ended: false };
    this.watches.set(id, w);
    this.schedule(w, 0);
    return w;
  }

  /**
   * A pushed event (a verified webhook) about job `id`: notifies every session watching it,
   * whatever its key, and ends those watches when the event is terminal. The notification
   * carries only the URI; each session then reads the resource with its own key. Returns how
   * many sessions were told.
   */
  signalJob(id: string, terminal: boolean): number {
    let told = 0;
    for (const w of [...this.watches.values()]) {
      if (w.target.id !== id) continue;
      told += this.notifyAll(w);
      if (this.hasFollowers(w)) this.readNow(w);
      else if (terminal) this.end(w);
      else this.reschedule(w, this.minMs);
    }
    return told;
  }

  /** Another replica's poller saw this job change: tell this replica's subscribers. */
  remoteUpdate(keyId: string, uri: string, terminal: boolean): void {
    const w = this.watches.get(`${keyId}\n${uri}`);
    if (!w) return;
    this.notifyAll(w);
    // Followers need the status itself, which only a read gives: read once more, then end.
    if (this.hasFollowers(w)) this.readNow(w);
    else if (terminal) this.end(w);
  }

  private hasFollowers(w: Watch): boolean {
    for (const s of w.subs) if (s.onState) return true;
    return false;
  }

  close(): void {
    for (const w of [...this.watches.values()]) this.end(w);
  }

  private leave(sub: Sub, id: string): void {
    sub.uris.delete(id);
    const w = this.watches.get(id);
    if (!w) return;
    w.subs.delete(sub);
    if (w.subs.size === 0) this.end(w);
  }

  private end(w: Watch): void {
    if (w.ended) return;
    w.ended = true;
    if (w.timer) clearTimeout(w.timer);
    w.abort.abort();
    this.watches.delete(w.id);
    for (const s of w.subs) s.uris.delete(w.id);
    w.subs.clear();
  }

  private notifyAll(w: Watch): number {
    for (const s of w.subs) {
      try {
        s.notify(w.uri);
      } catch (err) {
        this.opts.log.debug('resource update not delivered', { error: err });
      }
    }
    return w.subs.size;
  }

  /** One read as soon as possible, keeping the backoff where it was. */
  private readNow(w: Watch): void {
    if (w.timer) clearTimeout(w.timer);
    this.schedule(w, 0);
  }

  private reschedule(w: Watch, delay: number): void {
    if (w.timer) clearTimeout(w.timer);
    w.delayMs = delay;
    this.schedule(w, delay);
  }

  private schedule(w: Watch, delay: number): void {
    w.timer = setTimeout(() => void this.poll(w), delay);
    w.timer.unref();
  }

  private async poll(w: Watch): Promise<void> {
    w.timer = undefined;
    if (w.ended) return;
    const shared = this.opts.shared;
    // Followers are served from this replica's own reads (they need the status, not a signal).
    if (shared && !this.hasFollowers(w) && !(await shared.claim(w.id, this.maxMs * 2))) {
      // Another replica polls this job; check back in case it goes away.
      if (!w.ended) this.reschedule(w, this.maxMs);
      return;
    }
    let state: JobState;
    try {
      state = await this.opts.reader.read(w.heygen, w.target, { signal: w.abort.signal });
    } catch (err) {
      if (w.ended) return;
      // The job is gone or the key no longer works: polling again cannot help.
      if (isHeyGenError(err) && (err.status === 404 || err.status === 401 || err.status === 403)) {
        this.opts.log.debug('stopped watching a job', { kind: w.target.kind, code: err.code });
        this.notifyAll(w);
        for (const sub of [...w.subs]) sub.onGone?.();
        shared?.announce(w.id.slice(0, w.id.indexOf('\n')), w.uri, true);
        this.end(w);
        return;
      }
      for (const sub of [...w.subs]) sub.onError?.(err);
      if (!w.ended) this.reschedule(w, Math.min(this.maxMs, w.delayMs * 2));
      return;
    }
    if (w.ended) return;
    w.lastState = state;
    w.lastAt = Date.now();
    for (const sub of [...w.subs]) {
      try {
        sub.onState?.(state);
      } catch (err) {
        this.opts.log.debug('job follower failed', { error: err });
      }
    }
    if (w.ended) return;
    const first = w.last === undefined;
    const changed = !first && state.status !== w.last;
    w.last = state.status;
    const terminal = state.done || state.failed;
    if (changed || (first && terminal)) {
      this.notifyAll(w);
      shared?.announce(w.id.slice(0, w.id.indexOf('\n')), w.uri, terminal);
    }
    if (terminal) {
      this.end(w);
      return;
    }
    this.reschedule(w, changed || first ? this.minMs : Math.min(this.maxMs, w.delayMs * 2));
  }
}
