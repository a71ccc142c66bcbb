import { request as httpRequest } from 'node:http';
import { Client, SSEClientTransport, StreamableHTTPClientTransport, type CallToolResult } from '@modelcontextprotocol/client';
import { loadConfig, type Config } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/sandbox/index.js';
import { MemoryStateProvider } from '../../src/state/memory.js';
import { startHttpServer, type HttpLimits, type RunningHttpServer } from '../../src/transports/http/server.js';

export interface HostedHarness {
  sim: Simulator;
  http: RunningHttpServer;
  base: string;
  logs: string[];
  config: Config;
  close(): Promise<void>;
}

export interface HostedOptions {
  env?: Record<string, string>;
  argv?: string[];
  sim?: SimulatorOptions;
  /** The server's own HeyGen key; `null` runs without one (clients bring theirs). */
  serverKey?: string | null;
  limits?: Partial<HttpLimits>;
}

export async function hosted(opts: HostedOptions = {}): Promise<HostedHarness> {
  const sim = await startSimulator({ speed: 60, ...opts.sim });
  const logs: string[] = [];
  const log = createLogger('debug', (l) => logs.push(l));
  const config = loadConfig(opts.argv ?? ['--http', '--port', '0', '--toolsets', 'all'], { HEYGEN_MCP_DOWNLOAD_DIR: '/tmp/heygen-mcp-test-downloads', ...opts.env });
  const apiKey = opts.serverKey === null ? undefined : (opts.serverKey ?? sim.apiKey);
  const http = await startHttpServer({
    config,
    upstream: { apiKey, baseUrl: sim.baseUrl, sandbox: false, close: async () => undefined },
    states: new MemoryStateProvider(),
    log,
    limits: { pollMinMs: 50, pollMaxMs: 200, ...opts.limits },
  });
  return {
    sim, http, logs, config, base: http.url.replace(/\/mcp$/, ''),
    async close() {
      await http.close();
      await sim.close();
    },
  };
}

/** A 2025 client (initialize, then a session) unless told otherwise. */
export async function streamableClient(url: string, headers: Record<string, string> = {}, mode: 'legacy' | 'auto' | { pin: '2026-07-28' } = 'legacy'): Promise<Client> {
  const client = new Client({ name: 'http-test', version: '0' }, { versionNegotiation: { mode } });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
  return client;
}

/** A 2026-07-28 client: no handshake, no session; every request carries its envelope. */
export function modernClient(url: string, headers: Record<string, string> = {}): Promise<Client> {
  return streamableClient(url, headers, { pin: '2026-07-28' });
}

export async function sseClient(base: string, headers: Record<string, string> = {}): Promise<Client> {
  const client = new Client({ name: 'sse-test', version: '0' });
  await client.connect(new SSEClientTransport(new URL(`${base}/sse`), { requestInit: { headers } }));
  return client;
}

export async function callOk(client: Client, name: string, args: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const r = (await client.callTool({ name, arguments: args })) as CallToolResult;
  if (r.isError) throw new Error(`${name} failed: ${JSON.stringify(r.content)}`);
  return (r.structuredContent ?? {}) as Record<string, any>;
}

export interface RawResponse { status: number; headers: Record<string, string | string[] | undefined>; body: string }

/** A raw HTTP request with full control of Host and other headers (fetch forbids setting Host). */
export function raw(url: string, init: { method?: string; headers?: Record<string, string>; body?: string | Buffer; chunks?: Buffer[] } = {}): Promise<RawResponse> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: u.hostname, port: u.port, path: u.pathname + u.search, method: init.method ?? 'POST', headers: init.headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      // The server may close the connection after refusing an oversized body; the answer was already read.
      if (err.code === 'EPIPE' || err.code === 'ECONNRESET') return;
      reject(err);
    });
    if (init.chunks) {
      for (const c of init.chunks) req.write(c);
      req.end();
    } else {
      req.end(init.body);
    }
  });
}

export const INIT_BODY = JSON.stringify({
  jsonrpc: '2.0', id: 1, method: 'initialize',
  params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '0' } },
});

export const MCP_HEADERS = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };

export async function waitFor(cond: () => boolean, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
