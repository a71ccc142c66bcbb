import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { ServerDeps } from '../../src/context.js';
import { HeyGenClient } from '../../src/heygen/client.js';
import { createLogger, type Logger } from '../../src/log.js';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/sandbox/index.js';
import { createServer } from '../../src/server.js';
import { MemoryStateProvider } from '../../src/state/memory.js';

export interface Harness {
  sim: Simulator;
  client: Client;
  deps: ServerDeps;
  logs: string[];
  /** Calls a tool (after tools/list, so the client validates structured output like strict clients). */
  call(name: string, args?: Record<string, unknown>): Promise<CallToolResult>;
  /** structuredContent of a successful call; throws with the error text otherwise. */
  ok<T = Record<string, any>>(name: string, args?: Record<string, unknown>): Promise<T>;
  /** Error text of a failed call; throws if the call succeeded. */
  fails(name: string, args?: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  env?: Record<string, string>;
  argv?: string[];
  sim?: SimulatorOptions;
  /** Reuse a running simulator (its close is then the caller's). */
  simulator?: Simulator;
  apiKey?: string;
  transport?: 'stdio' | 'http';
  configure?: (config: Config) => Config;
  states?: MemoryStateProvider;
}

/**
 * The real protocol path: an MCP Client over the in-memory transport, createServer(), and the
 * HeyGen simulator as the upstream. No retry sleeps: tests that need them inject their own.
 */
export async function connect(opts: HarnessOptions = {}): Promise<Harness> {
  const sim = opts.simulator ?? (await startSimulator({ speed: 60, ...opts.sim }));
  const logs: string[] = [];
  const log: Logger = createLogger('debug', (l) => logs.push(l));
  let config = loadConfig(opts.argv ?? ['--toolsets', 'all'], { HEYGEN_MCP_DOWNLOAD_DIR: '/tmp/heygen-mcp-test-downloads', ...opts.env });
  if (opts.configure) config = opts.configure(config);
  const apiKey = opts.apiKey ?? sim.apiKey;
  const states = opts.states ?? new MemoryStateProvider();
  const deps: ServerDeps = {
    config,
    heygen: new HeyGenClient({ apiKey, baseUrl: sim.baseUrl, maxRetries: config.maxRetries, sleep: async () => undefined }),
    state: states.forKey(apiKey),
    transport: opts.transport ?? 'stdio',
    sandbox: false,
    log,
  };
  const server = createServer(deps);
  const client = new Client({ name: 'test', version: '0' }, { capabilities: { roots: { listChanged: false } } });
  const [ct, st] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(st), client.connect(ct)]);
  await client.listTools();

  const call = async (name: string, args: Record<string, unknown> = {}) => (await client.callTool({ name, arguments: args })) as CallToolResult;
  return {
    sim, client, deps, logs, call,
    async ok(name, args) {
      const r = await call(name, args);
      if (r.isError) throw new Error(`${name} failed: ${textOf(r)}`);
      return r.structuredContent as any;
    },
    async fails(name, args) {
      const r = await call(name, args);
      if (!r.isError) throw new Error(`${name} unexpectedly succeeded: ${textOf(r)}`);
      return textOf(r);
    },
    async close() {
      await client.close();
      await server.close();
      if (!opts.simulator) await sim.close();
    },
  };
}

export function textOf(r: CallToolResult): string {
  return r.content.filter((c) => c.type === 'text').map((c) => (c as { text: string }).text).join('\n');
}
