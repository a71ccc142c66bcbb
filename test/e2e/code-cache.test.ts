import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sandbox/index.js';

const BIN = fileURLToPath(new URL('../../dist/index.js', import.meta.url));

let work: string;
let sim: Simulator;
beforeEach(async () => {
  work = mkdtempSync(join(tmpdir(), 'heygen-code-cache-'));
  sim = await startSimulator();
});
afterEach(async () => {
  await sim.close();
  rmSync(work, { recursive: true, force: true });
});

interface Run { out: string; err: string; code: number | null }

/**
 * One start of the built bin: initialize, tools/list and a get_account call (an upstream request
 * through undici, loaded on first use), then stdin closes and the server ends by itself.
 */
function run(env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN], {
      env: { PATH: process.env.PATH ?? '', HEYGEN_API_KEY: sim.apiKey, HEYGEN_API_BASE: sim.baseUrl, HEYGEN_MCP_LOG_LEVEL: 'debug', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      if (out.includes('"id":3')) child.stdin.end();
    });
    child.stderr.on('data', (d: Buffer) => { err += d.toString('utf8'); });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ out, err, code }));
    const send = (m: object) => child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', ...m })}\n`);
    send({ id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 't', version: '0' } } });
    send({ method: 'notifications/initialized' });
    send({ id: 2, method: 'tools/list' });
    send({ id: 3, method: 'tools/call', params: { name: 'get_account', arguments: {} } });
  });
}

const stateOf = (r: Run) => /code cache (used|rejected|absent|refused|off)/.exec(r.err)?.[1];
const toolsOf = (r: Run) => (JSON.parse(r.out.split('\n').find((l) => l.includes('"id":2'))!) as { result: { tools: { name: string }[] } }).result.tools.map((t) => t.name);
const served = (r: Run) => {
  expect(r.code).toBe(0);
  expect(r.out).toContain('"id":3');
  expect(r.out).toContain('sandbox_user');
};

describe('the bin runs its bundle from a code cache', () => {
  it('the first start writes the cache privately; the next compiles from it and serves the same', async () => {
    const env = { NODE_COMPILE_CACHE: join(work, 'cc') };
    const first = await run(env);
    served(first);
    expect(stateOf(first)).toBe('absent');
    expect(first.err).toContain('code cache written');
    const dir = join(work, 'cc', 'heygen-mcp');
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`^[0-9a-f]{32}-${process.version.replace(/\./g, '\\.')}-${process.arch}\\.v8cache$`));
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, files[0]!)).mode & 0o777).toBe(0o600);

    const second = await run(env);
    served(second);
    expect(stateOf(second)).toBe('used');
    expect(second.err).not.toContain('code cache written');
    expect(toolsOf(second)).toEqual(toolsOf(first));
  });

  it('a cache V8 refuses (damaged) is not used; the server serves and writes a good one', async () => {
    const env = { NODE_COMPILE_CACHE: join(work, 'cc') };
    served(await run(env));
    const dir = join(work, 'cc', 'heygen-mcp');
    const [name] = readdirSync(dir);
    writeFileSync(join(dir, name!), Buffer.alloc(4096, 7), { mode: 0o600 });
    const damaged = await run(env);
    served(damaged);
    expect(stateOf(damaged)).toBe('rejected');
    expect(damaged.err).toContain('code cache written');
    expect(stateOf(await run(env))).toBe('used');
  });

  it('a directory others can write, or a cache file that is a symlink, is neither read nor written', async () => {
    const shared = join(work, 'shared');
    mkdirSync(join(shared, 'heygen-mcp'), { recursive: true });
    chmodSync(join(shared, 'heygen-mcp'), 0o777);
    const r = await run({ NODE_COMPILE_CACHE: shared });
    served(r);
    expect(stateOf(r)).toBe('refused');
    expect(readdirSync(join(shared, 'heygen-mcp'))).toEqual([]);

    const env = { NODE_COMPILE_CACHE: join(work, 'cc') };
    served(await run(env));
    const dir = join(work, 'cc', 'heygen-mcp');
    const [name] = readdirSync(dir);
    const planted = join(work, 'planted.v8cache');
    writeFileSync(planted, Buffer.alloc(4096, 1));
    rmSync(join(dir, name!));
    symlinkSync(planted, join(dir, name!));
    const viaLink = await run(env);
    served(viaLink);
    expect(stateOf(viaLink)).toBe('refused');
  });

  it('NODE_DISABLE_COMPILE_CACHE turns it off: nothing is read or written', async () => {
    const r = await run({ NODE_COMPILE_CACHE: join(work, 'cc'), NODE_DISABLE_COMPILE_CACHE: '1' });
    served(r);
    expect(stateOf(r)).toBe('off');
    expect(existsSync(join(work, 'cc'))).toBe(false);
  });
});

describe('the bundle', () => {
  it('has no dynamic import() (it would never settle in a script compiled from a code cache)', () => {
    for (const file of ['cli.cjs', 'sandbox.cjs']) {
      const source = readFileSync(fileURLToPath(new URL(`../../dist/bin/${file}`, import.meta.url)), 'utf8').replace(/\/\/.*$/gm, '');
      expect(source, file).not.toMatch(/\bimport\(/);
    }
  });

  it("carries zod's English messages only, and leaves the simulator to sandbox.cjs", () => {
    const source = readFileSync(fileURLToPath(new URL('../../dist/bin/cli.cjs', import.meta.url)), 'utf8');
    expect(source).toContain('Invalid input'); // zod's English locale
    expect(source).not.toContain('Ungültige Eingabe'); // its German one
    expect(source).not.toMatch(/^\/\/ src\/sandbox\//m);
    expect(source).toContain('require("./sandbox.cjs")');
  });

  it("swaps in a JSON Schema validator that loads Ajv on first use and checks like the SDK's", async () => {
    // @ts-expect-error a plain .mjs build helper without types
    const { DefaultJsonSchemaValidator } = (await import('../../scripts/sdk-shims-lazy.mjs')) as { DefaultJsonSchemaValidator: new () => { getValidator(s: object): (v: unknown) => { valid: boolean; errorMessage?: string } } };
    const check = new DefaultJsonSchemaValidator().getValidator({ type: 'object', properties: { n: { type: 'integer' } }, required: ['n'] });
    expect(check({ n: 3 }).valid).toBe(true);
    const bad = check({ n: 'x' });
    expect(bad.valid).toBe(false);
    expect(bad.errorMessage).toMatch(/integer/);
  });
});
