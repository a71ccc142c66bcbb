import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sandbox/index.js';
import { connect } from '../helpers/harness.js';

const BIN = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
const CANARY = 'sk_canary_e2e_5d2f0c81';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ apiKeys: [CANARY] });
});
afterAll(async () => {
  await sim.close();
});

function spawnBin(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', HEYGEN_API_KEY: CANARY, HEYGEN_API_BASE: sim.baseUrl, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

function collect(stream: { on(event: 'data', cb: (d: Buffer) => void): unknown } | null): () => string {
  let buf = '';
  stream?.on('data', (d: Buffer) => { buf += d.toString('utf8'); });
  return () => buf;
}

async function exitWithin(child: ChildProcess, ms: number): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const timer = setTimeout(() => child.kill('SIGKILL'), ms);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(timer);
  return code;
}

describe('stdio end to end (built bin)', () => {
  it.each([
    ['2026-07-28 (pinned)', { pin: '2026-07-28' as const }, 'modern'],
    ['auto (discover first)', 'auto' as const, 'modern'],
    ['2025 (initialize)', 'legacy' as const, 'legacy'],
  ])('a %s client lists and calls tools, reads a resource and gets a prompt; the key appears nowhere', async (_label, mode, era) => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [BIN],
      env: { PATH: process.env.PATH ?? '', HEYGEN_API_KEY: CANARY, HEYGEN_API_BASE: sim.baseUrl, DEBUG: '*', NODE_DEBUG: 'http' },
      stderr: 'pipe',
    });
    const stderr = collect(transport.stderr);
    const client = new Client({ name: 'e2e', version: '0' }, { versionNegotiation: { mode } });
    await client.connect(transport);
    expect(client.getProtocolEra()).toBe(era);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toContain('get_account');
    const r = await client.callTool({ name: 'get_account', arguments: {} });
    expect(r.isError ?? false).toBe(false);
    expect((await client.readResource({ uri: 'heygen://docs/errors' })).contents[0]?.mimeType).toBe('text/markdown');
    expect((await client.getPrompt({ name: 'video_agent_prompt', arguments: { brief: 'a launch' } })).messages.length).toBeGreaterThan(0);
    await client.close();
    expect(stderr()).not.toContain(CANARY);
    expect(JSON.stringify(r)).not.toContain(CANARY);
  });

  it('2026-07-28: a subscriptions/listen stream over stdio hears the job it asked for change, from the shared poller', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [BIN],
      env: { PATH: process.env.PATH ?? '', HEYGEN_API_KEY: CANARY, HEYGEN_API_BASE: sim.baseUrl },
      stderr: 'ignore',
    });
    const client = new Client({ name: 'e2e', version: '0' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
    await client.connect(transport);
    try {
      const created = await client.callTool({ name: 'create_video_agent', arguments: { prompt: 'A short stdio listen test video.' } });
      const uri = (created.content.find((c) => c.type === 'resource_link') as { uri: string }).uri;
      const seen: string[] = [];
      client.setNotificationHandler('notifications/resources/updated', (n) => { seen.push(n.params.uri); });
      const sub = await client.listen({ resourceSubscriptions: [uri] });
      expect(sub.honoredFilter.resourceSubscriptions).toEqual([uri]);
      const id = uri.split('/').pop()!;
      await expect.poll(() => sim.apiRequests().some((r) => r.method === 'GET' && r.path.endsWith(id)), { timeout: 10_000, interval: 20 }).toBe(true);
      sim.advance(60 * 60_000);
      await expect.poll(() => seen, { timeout: 15_000, interval: 50 }).toContain(uri);
      await sub.close();
    } finally {
      await client.close();
    }
  }, 30_000);

  it('writes only JSON-RPC lines to stdout, even for a garbage line, and exits within 2 s of stdin EOF', async () => {
    const child = spawnBin([], { DEBUG: '*', NODE_DEBUG: 'http,net' });
    const out = collect(child.stdout);
    const err = collect(child.stderr);
    child.stdin!.write(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '0' } } }) + '\n');
    child.stdin!.write('this is not json\n');
    child.stdin!.write(JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }) + '\n');
    child.stdin!.write(JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'get_account', arguments: {} } }) + '\n');
    const deadline = Date.now() + 10_000;
    while (!out().includes('"id":2') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const started = Date.now();
    child.stdin!.end();
    const code = await exitWithin(child, 2_000);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(code).toBe(0);
    const lines = out().split('\n').filter((l) => l.trim() !== '');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(JSON.parse(line)).toHaveProperty('jsonrpc', '2.0');
    expect(out() + err()).not.toContain(CANARY);
  });

  it('exits cleanly on SIGTERM', async () => {
    const child = spawnBin([]);
    const err = collect(child.stderr);
    const deadline = Date.now() + 10_000;
    while (!err().includes('ready') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGTERM');
    expect(await exitWithin(child, 2_000)).toBe(0);
  });

  it('bad configuration: a clear message on stderr, nothing on stdout, exit 2', async () => {
    const child = spawnBin(['--toolsets', 'nope']);
    const out = collect(child.stdout);
    const err = collect(child.stderr);
    expect(await exitWithin(child, 5_000)).toBe(2);
    expect(out()).toBe('');
    expect(err()).toMatch(/Unknown toolset "nope"/);
  });

  it.each([['--help'], ['-h']])('%s: usage on stdout (documenting --stdio and --version), nothing on stderr, exit 0', async (flag) => {
    const child = spawnBin([flag]);
    const out = collect(child.stdout);
    const err = collect(child.stderr);
    expect(await exitWithin(child, 5_000)).toBe(0);
    expect(out()).toMatch(/^heygen-mcp — /);
    for (const word of ['Usage:', '--stdio', '--version', '--sandbox-speed', 'HEYGEN_MCP_SANDBOX_SPEED']) expect(out()).toContain(word);
    expect(err()).toBe('');
  });

  it('--version: the package version on stdout, exit 0', async () => {
    const child = spawnBin(['--version']);
    const out = collect(child.stdout);
    expect(await exitWithin(child, 5_000)).toBe(0);
    expect(out().trim()).toBe(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version);
  });

  it('a bad boolean stops the server naming the option and the accepted values, exit 2', async () => {
    const child = spawnBin([], { HEYGEN_MCP_READ_ONLY: 'maybe' });
    const err = collect(child.stderr);
    expect(await exitWithin(child, 5_000)).toBe(2);
    expect(err()).toMatch(/HEYGEN_MCP_READ_ONLY: expected one of 1, 0, true, false, yes, no/);
  });

  it('--sandbox runs with no key: get_account answers from the simulator and says so', async () => {
    const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, '--sandbox'], env: { PATH: process.env.PATH ?? '' }, stderr: 'pipe' });
    const client = new Client({ name: 'e2e', version: '0' });
    await client.connect(transport);
    const r = await client.callTool({ name: 'get_account', arguments: {} });
    expect(r.isError ?? false).toBe(false);
    expect(JSON.stringify(r.content)).toMatch(/sandbox/i);
    await client.close();
  });

  it('the tools/list the build precomputed (dist/tools/tools-list.json) equals the live list from the sources', async () => {
    expect(existsSync(fileURLToPath(new URL('../../dist/tools/tools-list.json', import.meta.url)))).toBe(true);
    for (const toolsets of ['all', 'default']) {
      const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, '--toolsets', toolsets], env: { PATH: process.env.PATH ?? '', HEYGEN_API_KEY: CANARY, HEYGEN_API_BASE: sim.baseUrl }, stderr: 'pipe' });
      const client = new Client({ name: 'e2e', version: '0' });
      await client.connect(transport);
      const built = (await client.listTools()).tools;
      await client.close();
      // The bin runs tasks, and this client opens a 2025 connection: the same on both sides.
      const h = await connect({ simulator: sim, argv: ['--toolsets', toolsets], era: 'legacy', tasks: true });
      const live = (await h.client.listTools()).tools;
      await h.close();
      expect(built).toEqual(live);
    }
  });
});
