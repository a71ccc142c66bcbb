import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

/**
 * A throwaway redis-server per test file, on a free port, with persistence off. Tests that need
 * Redis use `describe.skipIf(!redisAvailable)`: outside CI a machine without redis-server skips
 * them (with the reason printed once); in CI (`CI` set) a missing server is a failure.
 */
export const redisBinary = process.env.HEYGEN_MCP_TEST_REDIS_SERVER ?? 'redis-server';
const installed = spawnSync(redisBinary, ['--version'], { stdio: 'ignore' }).status === 0;
export const redisAvailable = installed || Boolean(process.env.CI);
if (!installed) {
  const why = `redis-server is not installed (apt-get install redis-server); ${process.env.CI ? 'CI is set, so the Redis tests will fail' : 'skipping the Redis tests'}.`;
  process.stderr.write(`[test/redis] ${why}\n`);
}

export interface RedisServer {
  url: string;
  port: number;
  stop(): Promise<void>;
  /** Starts it again on the same port (data is gone: persistence is off). */
  start(): Promise<void>;
  /** Deletes every key. */
  flush(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function ping(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
    r.on('error', () => undefined);
    try {
      await r.connect();
      if ((await r.ping()) === 'PONG') return;
    } catch {
      // not up yet
    } finally {
      r.disconnect();
    }
    if (Date.now() > deadline) throw new Error(`redis-server on port ${port} did not answer within ${timeoutMs} ms`);
    await new Promise((res) => setTimeout(res, 50));
  }
}

export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(redisBinary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await ping(port, 5_000);
  };
  const stop = async () => {
    const c = child;
    child = undefined;
    if (!c || c.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      c.once('exit', () => resolve());
      c.kill('SIGKILL');
    });
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    stop,
    flush: async () => {
      const r = new Redis({ port, host: '127.0.0.1' });
      await r.flushall();
      r.disconnect();
    },
  };
}
