import { homedir } from 'node:os';
import { resolve } from 'node:path';
import type { Config } from './config.js';
import type { ServerDeps } from './context.js';
import { HeyGenClient } from './heygen/client.js';
import { pinSecret, redact, type Logger } from './log.js';
import { MemoryStateProvider } from './state/memory.js';
import type { StateProvider } from './state/contract.js';
import { VERSION } from './version.js';

/** The key and base URL the process talks to: the real API, or the in-process simulator. */
export interface Upstream {
  apiKey: string | undefined;
  baseUrl: string;
  sandbox: boolean;
  close(): Promise<void>;
}

/** Starts the simulator when --sandbox is on; otherwise uses the configured HeyGen API. */
export async function openUpstream(config: Config, log: Logger): Promise<Upstream> {
  // The server's own secrets stay masked for the whole run; client keys are bounded (log.ts).
  for (const s of [config.apiKey, config.httpToken, config.webhookSecret, config.redisUrl]) pinSecret(s);
  if (!config.sandbox) {
    return { apiKey: config.apiKey, baseUrl: config.apiBase, sandbox: false, close: async () => undefined };
  }
  const { startSimulator } = await import('./sandbox/index.js');
  const sim = await startSimulator({ speed: config.sandboxSpeed });
  log.info(`sandbox: HeyGen simulator on ${sim.baseUrl}`);
  return { apiKey: sim.apiKey, baseUrl: sim.baseUrl, sandbox: true, close: () => sim.close() };
}

export function expandHome(p: string): string {
  return p === '~' || p.startsWith('~/') ? resolve(homedir(), p.slice(2)) : resolve(p);
}

/** Shared state: Redis when HEYGEN_MCP_REDIS_URL is set (replicas), else this process's memory. */
export async function openStates(config: Config, log: Logger): Promise<StateProvider> {
  if (!config.redisUrl) return new MemoryStateProvider();
  pinSecret(config.redisUrl);
  const { RedisStateProvider } = await import('./state/redis.js');
  const states = await RedisStateProvider.connect(config.redisUrl, { log });
  log.info('shared state: Redis');
  return states;
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
