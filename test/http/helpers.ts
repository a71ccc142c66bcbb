import { request as httpRequest } from 'node:http';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { loadConfig, type Config } from '../../src/config.js';
import type { ServerDeps } from '../../src/context.js';
import { createLogger } from '../../src/log.js';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/sandbox/index.js';
import { createServer } from '../../src/server.js';
import { MemoryStateProvider } from '../../src/state/memory.js';
import { startHttpServer, type HttpLimits, type RunningHttpServer } from '../../src/transports/http.js';

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
  probes?: boolean;
}

/**
 * Adds transport probes to the real server: a resource, a prompt and a tool that reports
 * progress and takes a while. They check what the transport carries, not HeyGen behaviour.
 */
export function withProbes(deps: ServerDeps): McpServer {
  const server = createServer(deps);
  server.registerResource('probe', 'test://probe', { mimeType: 'text/plain' }, async (uri) => ({ contents: [{ uri: uri.href, text: 'probe resource' }] }));
  server.registerPrompt('probe_prompt', { description: 'probe', argsSchema: { topic: z.string() } }, ({ topic }) => ({
    messages: [{ role: 'user', content: { type: 'text', text: `about ${topic}` } }],
  }));
  server.registerTool('slow_probe', { description: 'probe', inputSchema: { ms: z.number() } }, async ({ ms }, extra) => {
    const token = extra._meta?.progressToken;
    for (let i = 1; i <= 3; i++) {
      await new Promise((r) => setTimeout(r, ms / 3));
      if (token !== undefined) await extra.sendNotification({ method: 'notifications/progress', params: { progressToken: token, progress: i, total: 3 } });
    }
    return { content: [{ type: 'text', text: 'slow done' }] };
  });
  return server;
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
    ...(opts.probes === false ? {} : { makeServer: withProbes }),
  });
  return {
    sim, http, logs, config, base: http.url.replace(/\/mcp$/, ''),
    async close() {
      await http.close();
      await sim.close();
    },
  };
}

export async function streamableClient(url: string, headers: Record<string, string> = {}): Promise<Client> {
  const client = new Client({ name: 'http-test', version: '0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
  return client;
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
