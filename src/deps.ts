import type { Config } from './config.js';
import type { ServerDeps } from './context.js';
import { HeyGenClient } from './heygen/client.js';
import { pinSecret, redact, type Logger } from './log.js';
import type { StateProvider } from './state/contract.js';
import { expandHome } from './uploads/roots.js';
import { VERSION } from './version.js';

/** The key and base URL the process talks to: the real API, or the in-process simulator. */
export interface Upstream {
  apiKey: string | undefined;
  baseUrl: string;
  sandbox: boolean;
  close(): Promise<void>;
}

/**
 * Makes the dependencies of one server instance for one API key. The state provider is shared
 * by the whole process so sessions with the same key share caches and the duplicate guard.
 */
export function makeDeps(args: {
  config: Config;
  upstream: Upstream;
  apiKey: string | undefined;
  /**
   * What the per-key state (duplicate guard, jobs, catalog cache) is keyed by, when not the key
   * alone: a team key shared by signed-in people keeps each person's state apart.
   */
  stateKey?: string;
  transport: 'stdio' | 'http';
  era?: 'modern' | 'legacy';
  states: StateProvider;
  log: Logger;
}): ServerDeps {
  const key = args.apiKey ?? '';
  // The server's own key is pinned; a key a client brought joins the bounded list.
  if (key === args.upstream.apiKey) pinSecret(key);
  else redact(key);
  return {
    config: { ...args.config, downloadDir: expandHome(args.config.downloadDir) },
    heygen: new HeyGenClient({ apiKey: key, baseUrl: args.upstream.baseUrl, maxRetries: args.config.maxRetries, userAgent: `heygen-mcp/${VERSION}` }),
    state: args.states.forKey(args.stateKey ?? key),
    transport: args.transport,
    era: args.era,
    sandbox: args.upstream.sandbox,
    log: args.log,
    version: VERSION,
  };
}
