#!/usr/bin/env node
// Hosted-mode benchmark: N concurrent clients each calling get_account against the simulator,
// for N = 1, 50, 200, once with 2026-07-28 clients (stateless: no session, a server instance per
// request) and once with 2025 clients (a Streamable HTTP session each). Reports p50/p99 call
// latency and the server's RSS as it holds the load (no forced GC) and after GC, then RSS once
// every client has gone, against the baseline. The MCP server runs in a child
// process (this file with --serve) so its RSS is not mixed with the clients' or the simulator's.
// Needs a build: `npm run build`, then `node bench/http.mjs` (or import { run }).
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Agent, fetch as undiciFetch } from 'undici';

const dist = process.env.BENCH_DIST ? pathToFileURL(process.env.BENCH_DIST.replace(/\/?$/, '/')) : new URL('../dist/', import.meta.url);
const load = (p) => import(new URL(p, dist).href);

const LEVELS = (process.env.BENCH_LEVELS ?? '1,50,200').split(',').map(Number);
const CALLS_PER_SESSION = 5;
const MB = 1024 * 1024;

async function serve() {
  const { loadConfig } = await load('config.js');
  const { silentLogger } = await load('log.js');
  const { MemoryStateProvider } = await load('state/memory.js');
  const { startHttpServer } = await load('transports/http/server.js');
  const config = loadConfig(['--http', '--port', '0'], {});
  const http = await startHttpServer({
    config,
    upstream: { apiKey: process.env.BENCH_SIM_KEY, baseUrl: process.env.BENCH_SIM_URL, sandbox: false, close: async () => undefined },
    states: new MemoryStateProvider(),
    log: silentLogger,
    limits: { maxSessions: 1_000 },
  });
  process.on('message', (msg) => {
    if (msg === 'rss-live') {
      // What the process holds right now, garbage included: what an operator's dashboard shows.
      const cpu = process.cpuUsage();
      process.send({ rss: process.memoryUsage().rss, heap: process.memoryUsage().heapUsed, sessions: http.sessions(), cpuMs: (cpu.user + cpu.system) / 1000 });
    } else if (msg === 'rss') {
      globalThis.gc?.();
      globalThis.gc?.();
      setTimeout(() => {
        const cpu = process.cpuUsage();
        process.send({ rss: process.memoryUsage().rss, heap: process.memoryUsage().heapUsed, sessions: http.sessions(), cpuMs: (cpu.user + cpu.system) / 1000 });
      }, 50);
    } else if (msg === 'stop') {
      void http.close().then(() => process.exit(0));
    }
  });
  process.send({ url: http.url });
}

function ask(child, msg) {
  child.send(msg);
  return once(child, 'message').then(([m]) => m);
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

const MODES = { modern: { pin: '2026-07-28' }, legacy: 'legacy' };

async function level(child, url, n, Client, Transport, agent, era) {
  // One connection pool per level, closed afterwards, so the server's memory after the sessions
  // close is not held up by the benchmark's own idle keep-alive sockets.
  const fetchVia = (u, init) => undiciFetch(u, { ...init, dispatcher: agent });
  const clients = await Promise.all(Array.from({ length: n }, async () => {
    const c = new Client({ name: 'bench', version: '0' }, { versionNegotiation: { mode: MODES[era] } });
    await c.connect(new Transport(new URL(url), { fetch: fetchVia }));
    await c.listTools();
    return c;
  }));
  const latencies = [];
  const cpu0 = (await ask(child, 'rss')).cpuMs;
  for (let round = 0; round < CALLS_PER_SESSION; round++) {
    await Promise.all(clients.map(async (c) => {
      const t0 = performance.now();
      const r = await c.callTool({ name: 'get_account', arguments: {} });
      latencies.push(performance.now() - t0);
      if (r.isError) throw new Error(`get_account failed: ${JSON.stringify(r.content)}`);
    }));
  }
  const live = await ask(child, 'rss-live');
  const cpuMs = live.cpuMs - cpu0;
  // Paced: the same open sessions each call once a second, their calls spread evenly over the
  // second (n calls/s in all) for three seconds. The burst above has every session call at the
  // same instant, so its tail is mostly queueing on this machine's two cores, shared with the
  // n clients and the simulator; the paced figure is the latency a session sees under load.
  const paced = [];
  await Promise.all(clients.map(async (c, i) => {
    for (let k = 0; k < 3; k++) {
      await new Promise((r) => setTimeout(r, k === 0 ? (i * 1000) / n : 0));
      const due = performance.now() + 1000;
      const t0 = performance.now();
      const r = await c.callTool({ name: 'get_account', arguments: {} });
      paced.push(performance.now() - t0);
      if (r.isError) throw new Error(`get_account failed: ${JSON.stringify(r.content)}`);
      await new Promise((res) => setTimeout(res, Math.max(0, due - performance.now())));
    }
  }));
  const livePaced = await ask(child, 'rss-live');
  return { clients, latencies: latencies.sort((a, b) => a - b), paced: paced.sort((a, b) => a - b), cpuMs, liveRss: Math.max(live.rss, livePaced.rss) };
}

async function closeAll(clients) {
  await Promise.all(clients.map(async (c) => {
    if (c.getProtocolEra() === 'legacy') await c.transport.terminateSession();
    await c.close();
  }));
}

/** Runs the benchmark for both eras; returns one result per era. */
export async function run(opts = {}) {
  const eras = (process.env.BENCH_ERAS ?? 'modern,legacy').split(',');
  const out = {};
  for (const era of eras) out[era] = await runEra(era, opts);
  return out;
}

/** Runs the benchmark for one era; returns one row per level plus the RSS figures. */
export async function runEra(era, { print = true } = {}) {
  const { startSimulator } = await load('sandbox/index.js');
  const { Client, StreamableHTTPClientTransport } = await import('@modelcontextprotocol/client');
  const sim = await startSimulator({ speed: 60 });
  const child = fork(fileURLToPath(import.meta.url), ['--serve'], {
    execArgv: ['--expose-gc', ...(process.env.BENCH_SERVER_NODE_FLAGS ? process.env.BENCH_SERVER_NODE_FLAGS.split(' ') : [])],
    env: { ...process.env, BENCH_SIM_URL: sim.baseUrl, BENCH_SIM_KEY: sim.apiKey },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    const [{ url }] = await once(child, 'message');
    const cold = await ask(child, 'rss');
    // Warm-up: one session, so code loading and JIT are not counted as session memory.
    const warmAgent = new Agent({ connections: 256 });
    const warm = await level(child, url, 1, Client, StreamableHTTPClientTransport, warmAgent, era);
    await closeAll(warm.clients);
    await warmAgent.close();
    const baseline = await ask(child, 'rss');
    const rows = [];
    for (const n of LEVELS) {
      const agent = new Agent({ connections: 256 });
      const { clients, latencies, paced, cpuMs, liveRss } = await level(child, url, n, Client, StreamableHTTPClientTransport, agent, era);
      const held = await ask(child, 'rss');
      await closeAll(clients);
      await agent.close();
      const after = await ask(child, 'rss');
      rows.push({
        era, clients: n, calls: latencies.length,
        p50_ms: +pct(latencies, 50).toFixed(1), p99_ms: +pct(latencies, 99).toFixed(1),
        paced_p50_ms: +pct(paced, 50).toFixed(1), paced_p99_ms: +pct(paced, 99).toFixed(1),
        server_cpu_ms_per_call: +(cpuMs / latencies.length).toFixed(2),
        rss_live_mb: +(liveRss / MB).toFixed(1), rss_held_after_gc_mb: +(held.rss / MB).toFixed(1), live_sessions: held.sessions,
        rss_after_close_mb: +(after.rss / MB).toFixed(1), heap_after_close_mb: +(after.heap / MB).toFixed(1), sessions_after_close: after.sessions,
      });
    }
    const final = await ask(child, 'rss');
    // The same top level once more: if closing sessions freed what they used, RSS after this
    // second cycle is where it was after the first (memory the process grew into stays mapped).
    const top = Math.max(...LEVELS);
    const again = await level(child, url, top, Client, StreamableHTTPClientTransport, new Agent({ connections: 256 }), era);
    await closeAll(again.clients);
    const repeat = await ask(child, 'rss');
    const result = {
      rss_cold_mb: +(cold.rss / MB).toFixed(1),
      rss_baseline_mb: +(baseline.rss / MB).toFixed(1),
      rss_final_mb: +(final.rss / MB).toFixed(1),
      rss_final_vs_baseline_pct: +(((final.rss - baseline.rss) / baseline.rss) * 100).toFixed(1),
      heap_baseline_mb: +(baseline.heap / MB).toFixed(1),
      heap_final_mb: +(final.heap / MB).toFixed(1),
      rss_after_repeat_cycle_mb: +(repeat.rss / MB).toFixed(1),
      rss_repeat_vs_first_cycle_pct: +(((repeat.rss - final.rss) / final.rss) * 100).toFixed(1),
      heap_after_repeat_cycle_mb: +(repeat.heap / MB).toFixed(1),
      rows,
    };
    if (print) {
      process.stdout.write(`\nHTTP hosted mode: concurrent ${era === 'modern' ? '2026-07-28 clients (stateless)' : '2025 sessions'} calling get_account (simulator upstream)\n`);
      console.table(rows);
      process.stdout.write(`RSS cold ${result.rss_cold_mb} MB · baseline (after warm-up) ${result.rss_baseline_mb} MB · after all sessions closed ${result.rss_final_mb} MB (${result.rss_final_vs_baseline_pct >= 0 ? '+' : ''}${result.rss_final_vs_baseline_pct} %) · heap ${result.heap_baseline_mb} → ${result.heap_final_mb} MB\n`);
      process.stdout.write(`${JSON.stringify(result)}\n`);
    }
    return result;
  } finally {
    child.send('stop');
    await once(child, 'exit').catch(() => undefined);
    await sim.close();
  }
}

if (process.argv.includes('--serve')) {
  await serve();
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await run();
}
