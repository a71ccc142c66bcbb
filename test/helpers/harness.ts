import { Client, InMemoryTransport, StreamableHTTPClientTransport, type CallToolResult } from '@modelcontextprotocol/client';
import { createMcpHandler, type McpHttpHandler } from '@modelcontextprotocol/server';
import { loadConfig, type Config } from '../../src/config.js';
import type { ServerDeps } from '../../src/context.js';
import { HeyGenClient } from '../../src/heygen/client.js';
import { createLogger, type Logger } from '../../src/log.js';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/sandbox/index.js';
import { createServer, prepareServer } from '../../src/server.js';
import { MemoryStateProvider } from '../../src/state/memory.js';
import { defaultJobReader } from '../../src/hosted/job-reader.js';
import { JobWatcher } from '../../src/hosted/poller.js';
import { TaskRunner } from '../../src/tasks/runner.js';

/** `modern`: MCP 2026-07-28 (stateless, per-request envelope) · `legacy`: a 2025 session. */
export type Era = 'modern' | 'legacy';
export const ERAS: Era[] = ['modern', 'legacy'];

export interface Harness {
  sim: Simulator;
  client: Client;
  deps: ServerDeps;
  era: Era;
  logs: string[];
  /** The client's MCP roots (file:// URIs); tools that read local files ask for them. */
  roots: { uri: string; name?: string }[];
  /** Calls a tool (after tools/list, so the client validates structured output like strict clients). */
  call(name: string, args?: Record<string, unknown>): Promise<CallToolResult>;
  /** structuredContent of a successful call; throws with the error text otherwise. */
  ok<T = Record<string, any>>(name: string, args?: Record<string, unknown>): Promise<T>;
  /** Error text of a failed call; throws if the call succeeded. */
  fails(name: string, args?: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
  /** The modern path's HTTP entry (raw requests for clients the SDK client cannot be); absent on 2025. */
  fetch?: (request: Request) => Promise<Response>;
  watcher?: JobWatcher;
  tasks?: TaskRunner;
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
  /** Protocol era of the client; default `HEYGEN_MCP_TEST_ERA` or modern. */
  era?: Era;
  /** Serve MCP tasks: a job watcher and task runner with these poll bounds (fast by default). */
  tasks?: { minMs?: number; maxMs?: number; ttlMs?: number } | true;
  /** Client capabilities beyond roots (the Tasks extension, elicitation, the 2025 tasks utility). */
  capabilities?: Record<string, unknown>;
}

/** The era tests run in when they do not pick one. */
export const DEFAULT_ERA: Era = process.env.HEYGEN_MCP_TEST_ERA === 'legacy' ? 'legacy' : 'modern';

/**
 * The real protocol path: the official v2 client, createServer(), and the HeyGen simulator as
 * the upstream. `modern` drives the SDK's 2026-07-28 HTTP entry in process (a fresh server per
 * request, as in production); `legacy` is a 2025 session over the in-memory transport. No retry
 * sleeps: tests that need them inject their own.
 */
export async function connect(opts: HarnessOptions = {}): Promise<Harness> {
  const era = opts.era ?? DEFAULT_ERA;
  await prepareServer();
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
    era,
    sandbox: false,
    log,
  };
  // Kept as the runner it is: deps.tasks only has the part a server instance uses.
  let tasks: TaskRunner | undefined;
  if (opts.tasks) {
    const bounds = opts.tasks === true ? {} : opts.tasks;
    const watcher = new JobWatcher({ reader: defaultJobReader, log, minMs: bounds.minMs ?? 50, maxMs: bounds.maxMs ?? 400 });
    deps.watcher = watcher;
    deps.tasks = tasks = new TaskRunner({ watcher, pollMinMs: bounds.minMs ?? 50, pollMaxMs: bounds.maxMs ?? 400, ...(bounds.ttlMs ? { ttlMs: bounds.ttlMs } : {}) });
  }
  const roots: { uri: string; name?: string }[] = [];
  const client = new Client({ name: 'test', version: '0' }, {
    capabilities: { roots: { listChanged: false }, ...opts.capabilities },
    ...(era === 'modern' ? { versionNegotiation: { mode: { pin: '2026-07-28' } } } : {}),
  });
  client.setRequestHandler('roots/list', async () => ({ roots: [...roots] }));
  let closeServer: () => Promise<void>;
  let fetchEntry: ((request: Request) => Promise<Response>) | undefined;
  if (era === 'modern') {
    const handler: McpHttpHandler = createMcpHandler((ctx) => createServer({ ...deps, era: ctx.era }), { legacy: 'reject', maxRequestBodySize: 64 * 1024 * 1024 });
    await client.connect(new StreamableHTTPClientTransport(new URL('http://harness.local/mcp'), {
      fetch: (url, init) => handler.fetch(new Request(url, init)),
    }));
    closeServer = () => handler.close();
    fetchEntry = (request) => handler.fetch(request);
  } else {
    const server = createServer(deps);
    const [ct, st] = InMemoryTransport.createLinkedPair();
    await Promise.all([server.connect(st), client.connect(ct)]);
    closeServer = () => server.close();
  }
  await client.listTools();

  const call = async (name: string, args: Record<string, unknown> = {}) => (await client.callTool({ name, arguments: args })) as CallToolResult;
  return {
    sim, client, deps, era, logs, roots, call,
    ...(fetchEntry ? { fetch: fetchEntry } : {}),
    ...(deps.watcher ? { watcher: deps.watcher } : {}),
    ...(tasks ? { tasks } : {}),
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
      await closeServer();
      await tasks?.close();
      deps.watcher?.close();
      if (!opts.simulator) await sim.close();
    },
  };
}

export function textOf(r: CallToolResult): string {
  return r.content.filter((c) => c.type === 'text').map((c) => (c as { text: string }).text).join('\n');
}
