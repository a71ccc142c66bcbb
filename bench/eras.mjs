#!/usr/bin/env node
// The two protocol eras side by side on one HTTP server (a child process, so its CPU is its own):
// - per-call overhead: one client calling get_account in sequence, 2026-07-28 (a server instance
//   per request) and a 2025 session, against the same request made directly to the simulator;
// - throughput: 8 clients calling get_account back to back, modern against a 2025 session,
//   interleaved five times; calls per second and server CPU per call, medians and ratios.
// Needs a build: `npm run build`, then `node bench/eras.mjs` (or import { run }).
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Agent, fetch as undiciFetch, request } from 'undici';

const dist = new URL('../dist/', import.meta.url);
const load = (p) => import(new URL(p, dist).href);
const CALLS = Number(process.env.BENCH_ERA_CALLS ?? 300);
const ROUNDS = Number(process.env.BENCH_ERA_ROUNDS ?? 5);
const CONCURRENCY = 8;
const THROUGHPUT_CALLS = Number(process.env.BENCH_ERA_TP_CALLS ?? 1_600);
const MODES = { modern: { pin: '2026-07-28' }, legacy: 'legacy' };

const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]; };
const median = (xs) => pct(xs, 50);
const r2 = (x) => Math.round(x * 100) / 100;

function ask(child, msg) {
  child.send(msg);
  return once(child, 'message').then(([m]) => m);
}

export async function run({ print = true } = {}) {
  const { startSimulator } = await load('sandbox/index.js');
  const { Client, StreamableHTTPClientTransport } = await import('@modelcontextprotocol/client');
  const sim = await startSimulator({ speed: 60 });
  const child = fork(fileURLToPath(new URL('http.mjs', import.meta.url)), ['--serve'], {
    execArgv: ['--expose-gc'],
    env: { ...process.env, BENCH_SIM_URL: sim.baseUrl, BENCH_SIM_KEY: sim.apiKey },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const agent = new Agent({ connections: 64 });
  const fetchVia = (u, init) => undiciFetch(u, { ...init, dispatcher: agent });
  const open = async (url, era) => {
    const c = new Client({ name: 'bench', version: '0' }, { versionNegotiation: { mode: MODES[era] } });
    await c.connect(new StreamableHTTPClientTransport(new URL(url), { fetch: fetchVia }));
    await c.listTools();
    return c;
  };
  const call = async (c) => {
    const r = await c.callTool({ name: 'get_account', arguments: {} });
    if (r.isError) throw new Error(`get_account failed: ${JSON.stringify(r.content)}`);
  };
  try {
    const [{ url }] = await once(child, 'message');
    const direct = async () => { const r = await request(`${sim.baseUrl}/v3/users/me`, { headers: { 'x-api-key': sim.apiKey, accept: 'application/json' }, dispatcher: agent }); await r.body.json(); };

    // Per-call overhead, sequential, interleaved so drift hits all three alike.
    const modern = await open(url, 'modern');
    const legacy = await open(url, 'legacy');
    for (let i = 0; i < 50; i++) { await direct(); await call(modern); await call(legacy); }
    const t = { direct: [], modern: [], legacy: [] };
    for (let i = 0; i < CALLS; i++) {
      let t0 = performance.now(); await direct(); t.direct.push(performance.now() - t0);
      t0 = performance.now(); await call(modern); t.modern.push(performance.now() - t0);
      t0 = performance.now(); await call(legacy); t.legacy.push(performance.now() - t0);
    }
    const perCall = {
      calls: CALLS,
      direct_p50_ms: r2(median(t.direct)), direct_p99_ms: r2(pct(t.direct, 99)),
      modern_p50_ms: r2(median(t.modern)), modern_p99_ms: r2(pct(t.modern, 99)),
      legacy_p50_ms: r2(median(t.legacy)), legacy_p99_ms: r2(pct(t.legacy, 99)),
      modern_added_p50_ms: r2(median(t.modern) - median(t.direct)),
      legacy_added_p50_ms: r2(median(t.legacy) - median(t.direct)),
      goal: 'modern added p50 ≤ 2 ms',
    };
    await modern.close();
    await legacy.transport.terminateSession();
    await legacy.close();

    // Throughput: the same load on each era, alternating, ROUNDS times.
    const rounds = { modern: [], legacy: [] };
    const cpu = { modern: [], legacy: [] };
    const burst = async (era) => {
      const clients = await Promise.all(Array.from({ length: CONCURRENCY }, () => open(url, era)));
      let left = THROUGHPUT_CALLS;
      const c0 = (await ask(child, 'rss-live')).cpuMs;
      const t0 = performance.now();
      await Promise.all(clients.map(async (c) => { while (left-- > 0) await call(c); }));
      const secs = (performance.now() - t0) / 1000;
      const cpuMs = (await ask(child, 'rss-live')).cpuMs - c0;
      await Promise.all(clients.map(async (c) => { if (era === 'legacy') await c.transport.terminateSession(); await c.close(); }));
      rounds[era].push(THROUGHPUT_CALLS / secs);
      cpu[era].push(cpuMs / THROUGHPUT_CALLS);
    };
    await burst('modern'); // warm-up, not counted
    await burst('legacy');
    rounds.modern.length = 0; rounds.legacy.length = 0; cpu.modern.length = 0; cpu.legacy.length = 0;
    for (let i = 0; i < ROUNDS; i++) {
      await burst(i % 2 ? 'legacy' : 'modern');
      await burst(i % 2 ? 'modern' : 'legacy');
    }
    const ratios = rounds.modern.map((m, i) => m / rounds.legacy[i]);
    const throughput = {
      clients: CONCURRENCY, calls_per_round: THROUGHPUT_CALLS, rounds: ROUNDS,
      modern_calls_per_s: Math.round(median(rounds.modern)), legacy_calls_per_s: Math.round(median(rounds.legacy)),
      modern_server_cpu_ms_per_call: r2(median(cpu.modern)), legacy_server_cpu_ms_per_call: r2(median(cpu.legacy)),
      ratio_median: r2(median(ratios)), ratio_min: r2(Math.min(...ratios)), ratio_max: r2(Math.max(...ratios)),
      goal: 'modern ≥ 0.8× the 2025 session',
    };
    const result = { per_call: perCall, throughput };
    if (print) {
      process.stdout.write('\nProtocol eras on one HTTP server: per-call overhead and throughput\n');
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    }
    return result;
  } finally {
    child.send('stop');
    await once(child, 'exit').catch(() => undefined);
    await agent.close();
    await sim.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
