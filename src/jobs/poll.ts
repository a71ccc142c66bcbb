import { sleep } from '../net/sleep.js';
import type { JobStatus } from './kind.js';
import { isSettled } from './kinds.js';

/** Poll schedule of HeyGen's own CLI: 2 s doubling, ±25 % jitter, capped at 30 s. */
export const POLL = { firstMs: 2_000, capMs: 30_000, jitter: 0.25 } as const;

export function pollDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(POLL.capMs, POLL.firstMs * 2 ** Math.max(0, attempt));
  return Math.round(Math.min(POLL.capMs, base * (1 - POLL.jitter + 2 * POLL.jitter * random())));
}

/**
 * Where on the schedule to start for a job that is already `ageSeconds` old: a render that has
 * run for five minutes does not need a poll every 2 s, and each wait call starts afresh.
 */
export function startAttempt(ageSeconds: number | undefined): number {
  if (ageSeconds === undefined || !(ageSeconds > 0)) return 0;
  let t = 0;
  for (let n = 0; n < 5; n++) {
    t += Math.min(POLL.capMs, POLL.firstMs * 2 ** n) / 1000;
    if (t >= ageSeconds) return n;
  }
  return 5;
}

export interface PollOptions {
  fetch(signal: AbortSignal): Promise<JobStatus>;
  /** Stop polling after this long; the result then says "still running". */
  timeoutMs: number;
  /** No request may still be in flight after this long (the client's own timeout is near). */
  hardLimitMs: number;
  signal: AbortSignal;
  onPoll?(status: JobStatus, elapsedMs: number): Promise<void>;
  now?: () => number;
  random?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface PollOutcome {
  last: JobStatus | undefined;
  settled: boolean;
  /** The interval the schedule would wait next: the suggested pause before asking again. */
  nextDelayMs: number;
  polls: number;
}

/** Polls until the job settles or time runs out; never sleeps past the deadline. */
export async function pollJob(o: PollOptions): Promise<PollOutcome> {
  const now = o.now ?? Date.now;
  const wait = o.sleep ?? sleep;
  const random = o.random ?? Math.random;
  const start = now();
  const deadline = start + o.timeoutMs;
  const hard = start + Math.max(o.timeoutMs, o.hardLimitMs);
  let last: JobStatus | undefined;
  let attempt = -1;
  let polls = 0;
  for (;;) {
    const budget = hard - now();
    if (budget < 500) break;
    const limit = AbortSignal.timeout(budget);
    try {
      last = await o.fetch(AbortSignal.any([o.signal, limit]));
    } catch (err) {
      // Our own hard limit ran out mid-request: report "still running", not an error.
      if (limit.aborted && !o.signal.aborted) break;
      throw err;
    }
    polls++;
    if (attempt < 0) attempt = startAttempt(last.created_at !== undefined ? Date.now() / 1000 - last.created_at : undefined);
    if (isSettled(last)) return { last, settled: true, nextDelayMs: 0, polls };
    await o.onPoll?.(last, now() - start);
    const delay = pollDelayMs(attempt++, random);
    const remaining = deadline - now();
    if (remaining <= 0) return { last, settled: false, nextDelayMs: delay, polls };
    await wait(Math.min(delay, remaining), o.signal);
  }
  return { last, settled: false, nextDelayMs: pollDelayMs(Math.max(0, attempt), random), polls };
}
