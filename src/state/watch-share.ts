import type { JobWatcher, SharedWatch } from '../hosted/poller.js';
import type { Logger } from '../log.js';
import type { StateProvider } from './contract.js';

/** keyId of a bus message that carries a webhook signal (a job id, for every key) rather than a poll result. */
const PUSHED = '*';

/**
 * Connects a replica's job poller to the others through the state provider: a lease per watched
 * job so one replica polls it, and the update bus so every replica's subscribers hear what that
 * poll saw. With the in-memory provider the lease is always ours and the bus stays in-process.
 */
export function shareWatches(states: StateProvider, log: Logger): { shared: SharedWatch; attach(watcher: JobWatcher): () => void } {
  return {
    shared: {
      claim: (watchId, leaseMs) => states.lease(`watch:${watchId}`, leaseMs),
      announce: (keyId, uri, terminal) => {
        void states.updates.publish({ keyId, uri, terminal }).catch((err: unknown) => log.debug('job update not announced', { error: err }));
      },
      signal: (id, terminal) => {
        void states.updates.publish({ keyId: PUSHED, uri: id, terminal }).catch((err: unknown) => log.debug('webhook signal not passed on', { error: err }));
      },
    },
    attach: (watcher) => states.updates.subscribe((u) => {
      if (u.origin === states.updates.origin) return;
      if (u.keyId === PUSHED) watcher.signalJob(u.uri, u.terminal);
      else watcher.remoteUpdate(u.keyId, u.uri, u.terminal);
    }),
  };
}
