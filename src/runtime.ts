import type { Config } from './config.js';
import type { Upstream } from './deps.js';
import { pinSecret, type Logger } from './log.js';
import { MemoryStateProvider } from './state/memory.js';
import type { StateProvider } from './state/contract.js';

/*
 * What a process opens once at start (the upstream, simulator included, and the shared state).
 * The dependencies of each server instance are made by src/deps.ts.
 */

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

/** Shared state: Redis when HEYGEN_MCP_REDIS_URL is set (replicas), else this process's memory. */
export async function openStates(config: Config, log: Logger): Promise<StateProvider> {
  if (!config.redisUrl) return new MemoryStateProvider();
  pinSecret(config.redisUrl);
  const { RedisStateProvider } = await import('./state/redis.js');
  const states = await RedisStateProvider.connect(config.redisUrl, { log });
  log.info('shared state: Redis');
  return states;
}
