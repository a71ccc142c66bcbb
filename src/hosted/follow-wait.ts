import type { HeyGenClient } from '../heygen/client.js';
import { isSettled } from '../jobs/kinds.js';
import type { JobStatus } from '../jobs/kind.js';
import type { JobWatcher } from './poller.js';

export interface FollowOutcome {
  last: JobStatus | undefined;
  settled: boolean;
  /** The job could no longer be read (gone, or the key stopped working). */
  gone: boolean;
}

/**
 * Waits on the shared watcher until the job settles or `timeoutMs` passes. Waits on the same
 * (key, job) share one watch, so concurrent waits cost the polls of one, however many there are.
 */
export function followUntilSettled(watcher: JobWatcher, a: {
  keyId: string; heygen: HeyGenClient; uri: string; timeoutMs: number; signal: AbortSignal;
  onState?(s: JobStatus): void;
}): Promise<FollowOutcome> {
  return new Promise((resolve, reject) => {
    let last: JobStatus | undefined;
    let stop: () => void = () => undefined;
    const finish = (settled: boolean, gone = false) => {
      clearTimeout(timer);
      a.signal.removeEventListener('abort', onAbort);
      stop();
      resolve({ last, settled, gone });
    };
    const onAbort = () => {
      clearTimeout(timer);
      stop();
      reject(a.signal.reason);
    };
    const timer = setTimeout(() => finish(false), a.timeoutMs);
    if (a.signal.aborted) return onAbort();
    a.signal.addEventListener('abort', onAbort, { once: true });
    stop = watcher.follow(a.keyId, a.heygen, a.uri, {
      onState: (raw) => {
        last = raw as JobStatus;
        a.onState?.(last);
        if (isSettled(last)) finish(true);
      },
      onGone: () => finish(false, true),
      // A failed read ends this wait with the error, in the words a direct read would give.
      onError: (err) => {
        clearTimeout(timer);
        a.signal.removeEventListener('abort', onAbort);
        stop();
        reject(err);
      },
    });
  });
}
