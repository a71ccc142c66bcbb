/* global fetch */
// Scale-out benchmark: get_account latency of 300 MCP 2026-07-28 clients on one process
// (in-memory state) vs two replicas sharing one Redis, every client's requests alternating
// between the replicas (no affinity: a plain round-robin balancer). Five runs, interleaved;
// reports the median p99 ratio and its spread. Goal: replicas p99 <= 1.3x single p99.
// Usage: npm run build && node bench/replicas.mjs   (needs redis-server on PATH)
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const BIN = resolve(root, 'dist/index.js');

const freePort = () => new Promise((res, rej) => {
  const s = createServer();
  s.once('error', rej);
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => res(port)); });
});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitUp(check, what) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try { if (await check()) return; } catch { /* not yet */ }
    if (Date.now() > deadline) throw new Error(`${what} did not start`);
    await sleep(50);
  }
}

async function startRedis() {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const { Redis } = await import('ioredis');
  await waitUp(async () => {
    const r = new Redis({ port, lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    r.on('error', () => undefined);
    try { await r.connect(); return (await r.ping()) === 'PONG'; } finally { r.disconnect(); }
  }, 'redis-server');
  return { url: `redis://127.0.0.1:${port}`, stop: () => child.kill('SIGKILL') };
}

async function startReplica(env) {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, '--http', '--port', String(port)], {
    env: { PATH: process.env.PATH, HEYGEN_MCP_LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'ignore', 'ignore'],
  });
  await waitUp(async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok, `replica on ${port}`);
  return { url: `http://127.0.0.1:${port}/mcp`, stop: () => new Promise((r) => { child.once('exit', r); child.kill('SIGTERM'); }) };
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Opens `sessions` 2026-07-28 clients whose requests rotate over `urls`, then times `calls` get_account each. */
async function measure(urls, { sessions, calls, concurrency }) {
  const clients = [];
  let turn = 0;
  const rotate = (_u, init) => fetch(urls[turn++ % urls.length], init);
  for (let i = 0; i < sessions; i += 50) {
    clients.push(...await Promise.all(Array.from({ length: Math.min(50, sessions - i) }, async () => {
      const c = new Client({ name: 'bench', version: '0' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
      await c.connect(new StreamableHTTPClientTransport(new URL(urls[0]), { fetch: rotate }));
      return c;
    })));
  }
  const jobs = [];
  for (let round = 0; round < calls; round++) for (const c of clients) jobs.push(c);
  const times = [];
  let next = 0;
  let errors = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < jobs.length) {
      const c = jobs[next++];
      const t = performance.now();
      const r = await c.callTool({ name: 'get_account', arguments: {} }).catch(() => ({ isError: true }));
      times.push(performance.now() - t);
      if (r.isError) errors++;
    }
  }));
  await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
  times.sort((x, y) => x - y);
  return { calls: times.length, errors, p50: pct(times, 50), p99: pct(times, 99) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run({ sessions = 300, calls = 3, concurrency = 30, runs = 5 } = {}) {
  if (spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status !== 0) {
    process.stderr.write('bench/replicas: redis-server is not installed; skipped.\n');
    return undefined;
  }
  const { startSimulator } = await import(pathToFileURL(resolve(root, 'dist/sandbox/index.js')).href);
  const sim = await startSimulator({ speed: 60 });
  const redis = await startRedis();
  const base = { HEYGEN_API_BASE: sim.baseUrl, HEYGEN_API_KEY: sim.apiKey };
  const opts = { sessions, calls, concurrency };
  try {
    const single = await startReplica(base);
    const replicas = await Promise.all([0, 1].map(() => startReplica({ ...base, HEYGEN_MCP_REDIS_URL: redis.url })));
    const urls = replicas.map((r) => r.url);
    // Warm-up so neither side pays for JIT and connection setup in its figures.
    await measure([single.url], { sessions: 10, calls: 2, concurrency: 5 });
    await measure(urls, { sessions: 10, calls: 2, concurrency: 5 });
    const pairs = [];
    for (let i = 0; i < runs; i++) {
      // Alternate which goes first, so a drift in machine load hits both alike.
      const first = i % 2 === 0;
      const a = await measure(first ? [single.url] : urls, opts);
      const b = await measure(first ? urls : [single.url], opts);
      pairs.push(first ? { one: a, two: b } : { one: b, two: a });
    }
    await Promise.all([single.stop(), ...replicas.map((r) => r.stop())]);

    const ratios = pairs.map((p) => p.two.p99 / p.one.p99);
    const ratio = median(ratios);
    const round2 = (x) => +x.toFixed(2);
    const result = {
      clients: sessions, calls_per_client: calls, concurrency, runs,
      single: { p50_ms: round2(median(pairs.map((p) => p.one.p50))), p99_ms: round2(median(pairs.map((p) => p.one.p99))), errors: pairs.reduce((n, p) => n + p.one.errors, 0) },
      replicas2: { p50_ms: round2(median(pairs.map((p) => p.two.p50))), p99_ms: round2(median(pairs.map((p) => p.two.p99))), errors: pairs.reduce((n, p) => n + p.two.errors, 0) },
      p99_ratio_median: round2(ratio), p99_ratio_min: round2(Math.min(...ratios)), p99_ratio_max: round2(Math.max(...ratios)),
      p99_ratios: ratios.map(round2), goal: 1.3, ok: ratio <= 1.3,
    };
    const row = (name, m) => `${name.padEnd(28)} ${String(m.p50_ms).padStart(8)} ${String(m.p99_ms).padStart(8)} ${String(m.errors).padStart(7)}`;
    process.stdout.write(`\nget_account, ${sessions} 2026-07-28 clients x ${calls} calls, ${concurrency} in flight, ${runs} interleaved runs (medians)\n`);
    process.stdout.write(`${'setup'.padEnd(28)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'errors'.padStart(7)}\n`);
    process.stdout.write(`${row('1 process (memory)', result.single)}\n${row('2 replicas + Redis, rotating', result.replicas2)}\n`);
    process.stdout.write(`p99 ratio median ${result.p99_ratio_median} (min ${result.p99_ratio_min}, max ${result.p99_ratio_max}; goal <= ${result.goal}): ${result.ok ? 'ok' : 'MISSED'}\n`);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return result;
  } finally {
    redis.stop();
    await sim.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  run().then(() => process.exit(0), (err) => { process.stderr.write(`${err.stack ?? err}\n`); process.exit(1); });
}
