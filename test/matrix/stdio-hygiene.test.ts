/**
 * Matrix E (anchors-reliability §4): stdio hygiene of the built bin. stdout must carry JSON-RPC
 * only, whatever the environment turns on; the process must end promptly when its client goes.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sandbox/index.js';
import { BIN, WARN_PRELOAD, impureLines, sleep, spawnRaw, type RawChild } from './helpers.js';

const KEY = 'sk_matrix_stdio_7f3a91c2';
const NOISY = { DEBUG: '*', NODE_DEBUG: 'http,net,undici,fetch', NODE_OPTIONS: `--trace-warnings --require ${WARN_PRELOAD}` };

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ apiKeys: [KEY] });
});
afterAll(async () => {
  await sim.close();
});

const start = (env: Record<string, string> = {}, args: string[] = []): RawChild =>
  spawnRaw(args, { HEYGEN_API_KEY: KEY, HEYGEN_API_BASE: sim.baseUrl, HEYGEN_MCP_LOG_LEVEL: 'debug', ...env });

function peakRssKb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : 0;
}

async function waitFor(pred: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!pred() && Date.now() < end) await sleep(20);
}

describe('E1–E3: stdout purity under noisy environments', () => {
  it('DEBUG=*, NODE_DEBUG=http,net,undici,fetch, --trace-warnings and a forced DeprecationWarning → every stdout line is one JSON-RPC message, one per response, the warning lands on stderr', async () => {
    const c = start(NOISY, ['--toolsets', 'all']);
    try {
      await c.initialize();
      const list = await c.request('tools/list');
      expect(list.result.tools.length).toBeGreaterThan(0);
      expect((await c.request('tools/call', { name: 'get_account', arguments: {} })).result.isError ?? false).toBe(false);
      const res = await c.request('resources/list');
      if (res.result.resources[0]) expect((await c.request('resources/read', { uri: res.result.resources[0].uri })).result.contents.length).toBeGreaterThan(0);
      // Newlines, U+2028/9 and control characters in arguments and echoed text stay escaped inside one line.
      const tricky = 'FORMAT: 30 s\nline two\u2028sep\u2029para\r\n\u0007bell "q" \\';
      const v = await c.request('tools/call', { name: 'validate_video_agent_prompt', arguments: { prompt: tricky } });
      expect(v.result).toBeDefined();
      await c.request('ping');
      expect(impureLines(c.stdout())).toEqual([]);
      const lines = c.stdout().split('\n').filter((l) => l.trim() !== '');
      expect(lines).toHaveLength(7);
      expect(c.stderr()).toContain('matrix forced warning');
    } finally {
      c.child.stdin!.end();
      await c.exit(2_000);
    }
  });

  // src/stdout-guard.ts rebinds console.log / info / debug to stderr before anything else loads.
  it('a dependency calling console.log after startup → its line goes to stderr, stdout stays pure JSON-RPC', async () => {
    const c = start({ ...NOISY, MATRIX_STRAY_CONSOLE_LOG: '1' });
    try {
      await c.initialize();
      // The preload prints 300 ms after start: wait until its line has reached stderr.
      await waitFor(() => c.stderr().includes('stray console.log'), 10_000);
      expect(c.stderr()).toContain('stray console.log');
      await c.request('ping');
      expect(impureLines(c.stdout())).toEqual([]);
    } finally {
      c.child.stdin!.end();
      await c.exit(2_000);
    }
  });
});

describe('E4–E5: ending', () => {
  it('stdin EOF while a HeyGen request is stalled (10 s) → exit code 0 within 2 s', async () => {
    sim.fault({ path: '/v3/users/me', kind: 'slow', delayMs: 10_000 });
    const c = start();
    await c.initialize();
    void c.request('tools/call', { name: 'get_account', arguments: {} }).catch(() => undefined);
    await waitFor(() => sim.apiRequests().some((r) => r.path === '/v3/users/me'), 5_000);
    c.child.stdin!.end();
    const { code, ms } = await c.exit(2_000);
    sim.clearFaults();
    expect(code).toBe(0);
    expect(ms).toBeLessThan(2_000);
    expect(impureLines(c.stdout())).toEqual([]);
  });

  it('SIGTERM while a HeyGen request is stalled → exit code 0 within 2 s, nothing but JSON-RPC on stdout', async () => {
    sim.fault({ path: '/v3/users/me', kind: 'slow', delayMs: 10_000 });
    const c = start();
    await c.initialize();
    void c.request('tools/call', { name: 'get_account', arguments: {} }).catch(() => undefined);
    await waitFor(() => sim.apiRequests().some((r) => r.path === '/v3/users/me'), 5_000);
    c.child.kill('SIGTERM');
    const { code, ms } = await c.exit(2_000);
    sim.clearFaults();
    expect(code).toBe(0);
    expect(ms).toBeLessThan(2_000);
    expect(impureLines(c.stdout())).toEqual([]);
  });

  it('parent killed with SIGKILL → the server (its stdin now at EOF) is gone within 5 s, no orphan', async () => {
    const parentCode = `const {spawn}=require('node:child_process');const c=spawn(process.execPath,[${JSON.stringify(BIN)}],{stdio:['pipe','pipe','inherit'],env:{PATH:process.env.PATH,HEYGEN_API_KEY:'x',HEYGEN_API_BASE:${JSON.stringify(sim.baseUrl)}}});console.log(c.pid);setInterval(()=>{},1000);`;
    const parent = spawn(process.execPath, ['-e', parentCode], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    parent.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    await waitFor(() => /\d+\n/.test(out), 5_000);
    const pid = Number(out.trim());
    expect(pid).toBeGreaterThan(0);
    await sleep(300);
    parent.kill('SIGKILL');
    // Reparented to a PID 1 that may not reap: a zombie has exited, so judge by /proc state.
    const alive = () => { try { return !/State:\s+Z/.test(readFileSync(`/proc/${pid}/status`, 'utf8')); } catch { return false; } };
    await waitFor(() => !alive(), 5_000);
    const orphan = alive();
    if (orphan) process.kill(pid, 'SIGKILL');
    expect(orphan).toBe(false);
  });
});

describe('E6: malformed input on stdin', () => {
  it('binary garbage, invalid UTF-8, "{not json", valid JSON that is not JSON-RPC → each dropped without a reply or a crash; the next valid request is answered', async () => {
    const c = start();
    try {
      await c.initialize();
      c.child.stdin!.write(Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x0a]));
      c.child.stdin!.write('{not json\n[]\n{"a":1}\n"str"\n\n');
      const r = await c.request('tools/list');
      expect(r.result.tools.length).toBeGreaterThan(0);
      expect(impureLines(c.stdout())).toEqual([]);
      expect(c.child.exitCode).toBeNull();
    } finally {
      c.child.stdin!.end();
      await c.exit(2_000);
    }
  });

  // What SDK 1.32 does with an endless line: StdioServerTransport buffers until "\n" and re-copies
  // the pending buffer on every chunk (quadratic: seconds of CPU per 10 MB on a busy machine). Past
  // its 10 MB cap (STDIO_DEFAULT_MAX_BUFFER_SIZE) it reports "ReadBuffer exceeded maximum size" to
  // onerror and closes itself: it stops listening to stdin and pauses it, so the rest of the line
  // cannot even be written (pipe backpressure). With nothing else pending the event loop empties
  // and the process ends with code 0: a clean refusal. serveStdio also watches the transport
  // closing, so even with --sandbox (whose simulator keeps the loop alive) the process exits.
  it('a 50 MB line with no newline → refused at the SDK 10 MB cap: stdin no longer read, the process ends with code 0, peak RSS < start + 150 MB, stdout pure JSON-RPC', async () => {
    const c = start();
    await c.initialize();
    const pid = c.child.pid!;
    const before = peakRssKb(pid);
    let peak = before;
    const chunk = Buffer.alloc(1024 * 1024, 'A');
    let written = 0;
    for (; written < 50 && c.child.exitCode === null; written++) {
      if (!c.child.stdin!.write(chunk)) {
        const drained = await Promise.race([new Promise<boolean>((r) => c.child.stdin!.once('drain', () => r(true))), sleep(20_000).then(() => false)]);
        try { peak = peakRssKb(pid); } catch { /* exited */ }
        if (!drained) break;
      }
    }
    const { code } = await c.exit(30_000);
    expect(code).toBe(0);
    expect(written).toBeLessThan(50);
    expect((peak - before) / 1024).toBeLessThan(150);
    expect(impureLines(c.stdout())).toEqual([]);
    expect(c.stdout().split('\n').filter(Boolean)).toHaveLength(1);
  }, 120_000);
});
