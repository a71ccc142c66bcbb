import type { Dispatcher } from 'undici';
import type { Config } from './config.js';
import type { HeyGenClient } from './heygen/client.js';
import type { JobWatcher } from './hosted/poller.js';
import type { Logger } from './log.js';
import type { KeyState } from './state/memory.js';

/** Everything a server instance needs, built once per stdio run, HTTP session or test. */
export interface ServerDeps {
  config: Config;
  heygen: HeyGenClient;
  state: KeyState;
  /** stdio allows local files (download, upload from a path); http returns URLs instead. */
  transport: 'stdio' | 'http';
  /** True when talking to the built-in simulator: results say so. */
  sandbox: boolean;
  log: Logger;
  /** Dispatcher for fetching file URLs HeyGen returned (tests inject one). */
  fileDispatcher?: Dispatcher | undefined;
  version?: string | undefined;
  /** Shared job poller behind resource subscriptions; absent where a server cannot notify later (stateless HTTP). */
  watcher?: JobWatcher | undefined;
}
