import { createLogger } from '../../src/log.js';
import { loadConfig, type Config } from '../../src/config.js';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/sandbox/index.js';
import { MemoryStateProvider } from '../../src/state/memory.js';
import type { StateProvider } from '../../src/state/contract.js';
import { startHttpServer, type RunningHttpServer } from '../../src/transports/http/server.js';
import { freePort, startIdp, type Idp } from './idp.js';

export interface TeamHarness {
  sim: Simulator;
  idp: Idp;
  http: RunningHttpServer;
  /** The public MCP URL (= the token audience). */
  url: string;
  base: string;
  logs: string[];
  config: Config;
  states: StateProvider;
  close(): Promise<void>;
}

export const ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');

/** A simulator, a real OpenID provider, and heygen-mcp signing people in with it (no server HeyGen key). */
export async function teamServer(opts: { env?: Record<string, string>; sim?: SimulatorOptions; states?: StateProvider } = {}): Promise<TeamHarness> {
  const sim = await startSimulator({ speed: 60, ...opts.sim });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/mcp`;
  const idp = await startIdp(url);
  const logs: string[] = [];
  const log = createLogger('debug', (l) => logs.push(l));
  const config = loadConfig(['--http', '--port', String(port), '--toolsets', 'all', '--oauth-issuer', idp.issuer, '--public-url', url], {
    HEYGEN_MCP_DOWNLOAD_DIR: '/tmp/heygen-mcp-test-downloads',
    HEYGEN_MCP_KEY_ENCRYPTION_KEY: ENCRYPTION_KEY,
    ...opts.env,
  });
  const states = opts.states ?? new MemoryStateProvider();
  const http = await startHttpServer({
    config,
    upstream: { apiKey: undefined, baseUrl: sim.baseUrl, sandbox: false, close: async () => undefined },
    states,
    log,
    limits: { pollMinMs: 50, pollMaxMs: 200 },
  });
  return {
    sim, idp, http, url, base: `http://127.0.0.1:${port}`, logs, config, states,
    async close() {
      await http.close();
      await idp.close();
      await sim.close();
    },
  };
}

export const MODERN_META = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientInfo': { name: 'raw', version: '0' },
  'io.modelcontextprotocol/clientCapabilities': {},
};

/** A raw 2026-07-28 request with a bearer token (no client retry logic in the way). */
export async function rawCall(url: string, token: string | undefined, method: string, params: Record<string, unknown> = {}): Promise<{ status: number; challenge: string | null; body: any }> {
  const headers: Record<string, string> = {
    'content-type': 'application/json', accept: 'application/json, text/event-stream',
    'mcp-protocol-version': '2026-07-28', 'mcp-method': method,
  };
  if (method === 'tools/call') headers['mcp-name'] = String(params.name);
  if (method === 'resources/read') headers['mcp-name'] = String(params.uri);
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  const r = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params: { ...params, _meta: MODERN_META } }) });
  const text = await r.text();
  let body: unknown = text;
  try { body = JSON.parse(text); } catch { /* SSE or plain */ }
  return { status: r.status, challenge: r.headers.get('www-authenticate'), body };
}
