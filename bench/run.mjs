#!/usr/bin/env node
// `npm run bench`: every figure of design §8, measured side by side in one run. Prints a table
// and writes bench/results.json. Benches owned by other files (catalog, http, upload) are imported
// and reported as "not available" when absent or failing.
import { spawn, execSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { request } from 'undici';
import { Client, InMemoryTransport } from '@modelcontextprotocol/client';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const dist = (p) => import(pathToFileURL(here(`../dist/${p}`)).href);
const N_COLD = Number(process.env.BENCH_COLD_RUNS ?? 15);
const N_CALLS = Number(process.env.BENCH_CALLS ?? 400);

const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]; };
const ms = (ns) => Number(ns) / 1e6;
const r2 = (x) => Math.round(x * 100) / 100;

async function silenced(fn) {
  // Simulator and server logs go to stderr; keep the table readable.
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = () => true;
  try { return await fn(); } finally { process.stderr.write = write; }
}

// (a) cold start ------------------------------------------------------------------------------
function coldOnce(args, env) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'ignore'], env: { PATH: process.env.PATH, ...env } });
    let buf = '';
    let tInit;
    child.stdout.on('data', (d) => {
      buf += d;
      if (tInit === undefined && buf.includes('"id":1')) {
        tInit = process.hrtime.bigint();
        child.stdin.write(JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }) + '\n');
        child.stdin.write(JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }) + '\n');
      } else if (tInit !== undefined && buf.includes('"id":2')) {
        const tList = process.hrtime.bigint();
        // SIGTERM, as a client ends a server: ours then writes its code cache when it has none.
        child.kill();
        resolve({ init: ms(tInit - t0), list: ms(tList - t0), exited: new Promise((r) => child.once('exit', r)) });
      }
    });
    child.on('error', reject);
    // A server that never answers (a broken build) fails the bench instead of hanging it.
    const timer = setTimeout(() => { child.kill(); reject(new Error(`${args.join(' ')} did not answer within 30 s`)); }, 30_000);
    child.on('exit', () => clearTimeout(timer));
    child.stdin.write(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'bench', version: '0' } } }) + '\n');
  });
}

/**
 * Four servers started in turn, N_COLD rounds: ours as it runs from the second start on (its
 * code cache in place), ours with no code cache (a first start, or NODE_DISABLE_COMPILE_CACHE=1),
 * the bare SDK v2 server as written (the baseline), and the same bare server bundled into one
 * file by esbuild. Each waits for the previous one to exit, so no two overlap.
 */
async function coldStart() {
  const { build } = await import('esbuild');
  const work = mkdtempSync(join(os.tmpdir(), 'heygen-bench-cold-'));
  const bareBundled = join(work, 'bare-bundled.mjs');
  await build({ entryPoints: [here('bare-server.mjs')], bundle: true, format: 'esm', platform: 'node', outfile: bareBundled, logLevel: 'error',
    banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" } });
  const key = { HEYGEN_API_KEY: 'sk_bench_cold', HEYGEN_MCP_LOG_LEVEL: 'warn' };
  const starts = {
    ours: [[here('../dist/index.js')], { ...key, NODE_COMPILE_CACHE: join(work, 'cache') }],
    ours_no_cache: [[here('../dist/index.js')], { ...key, NODE_DISABLE_COMPILE_CACHE: '1' }],
    bare: [[here('bare-server.mjs')], {}],
    bare_bundled: [[bareBundled], {}],
    // Node 22.1+ only: the bundle under Node's own compile cache, for the choice of loader.
    ...(typeof (await import('node:module')).default.enableCompileCache === 'function'
      ? { ours_node_cache: [[here('start-with-node-cache.mjs')], { ...key, BENCH_NODE_CACHE_DIR: join(work, 'node-cache') }] }
      : {}),
  };
  const times = Object.fromEntries(Object.keys(starts).map((k) => [k, []]));
  try {
    // Warms the file cache for all four; ours writes its code cache as this first run ends.
    for (const [args, env] of Object.values(starts)) await (await coldOnce(args, env)).exited;
    for (let i = 0; i < N_COLD; i++) {
      for (const [k, [args, env]] of Object.entries(starts)) {
        const r = await coldOnce(args, env);
        times[k].push(r);
        await r.exited;
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const med = (k, f) => pct(times[k].map((x) => x[f]), 50);
  const summary = (k) => ({ initialize_ms: r2(med(k, 'init')), tools_list_ms: r2(med(k, 'list')), min_ms: r2(Math.min(...times[k].map((x) => x.list))), max_ms: r2(Math.max(...times[k].map((x) => x.list))) });
  // The ratio of each round (interleaved, so both saw the same load), then their median and range.
  const ratios = (k) => times[k].map((x, i) => x.list / times.bare[i].list).sort((a, b) => a - b);
  const spread = (k) => { const r = ratios(k); return { median: r2(pct(r, 50)), min: r2(r[0]), max: r2(r[r.length - 1]) }; };
  return {
    runs: N_COLD,
    node: process.version,
    ours: summary('ours'),
    ours_no_cache: summary('ours_no_cache'),
    bare: summary('bare'),
    bare_bundled: summary('bare_bundled'),
    ratio: r2(med('ours', 'list') / med('bare', 'list')),
    ratio_per_round: spread('ours'),
    ratio_no_cache: r2(med('ours_no_cache', 'list') / med('bare', 'list')),
    ratio_vs_bare_bundled: r2(med('ours', 'list') / med('bare_bundled', 'list')),
    ...(times.ours_node_cache ? { ours_node_cache: summary('ours_node_cache'), ratio_node_cache: r2(med('ours_node_cache', 'list') / med('bare', 'list')) } : {}),
    goal: '≤ 1.0×',
  };
}

// shared in-process server -----------------------------------------------------------------------
async function inProcess(sim, argv) {
  const { loadConfig } = await dist('config.js');
  const { createServer, prepareServer } = await dist('server.js');
  await prepareServer();
  const { MemoryStateProvider } = await dist('state/memory.js');
  const { makeDeps } = await dist('deps.js');
  const { silentLogger } = await dist('log.js');
  const config = loadConfig(argv, {});
  const deps = makeDeps({ config, upstream: { apiKey: sim.apiKey, baseUrl: sim.baseUrl, sandbox: false, close: async () => undefined }, apiKey: sim.apiKey, transport: 'stdio', states: new MemoryStateProvider(), log: silentLogger });
  const server = createServer(deps);
  const client = new Client({ name: 'bench', version: '0' });
  const [a, b] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(b), client.connect(a)]);
  return { client, deps, close: async () => { await client.close(); await server.close(); } };
}

// (b) per-call overhead ---------------------------------------------------------------------------
async function perCall(sim) {
  const { client, close } = await inProcess(sim, ['--toolsets', 'account']);
  await client.listTools();
  const url = `${sim.baseUrl}/v3/users/me`;
  const direct = async () => { const r = await request(url, { headers: { 'x-api-key': sim.apiKey, accept: 'application/json' } }); await r.body.json(); };
  const viaMcp = async () => { const r = await client.callTool({ name: 'get_account', arguments: {} }); if (r.isError) throw new Error(JSON.stringify(r.content)); };
  for (let i = 0; i < 40; i++) { await direct(); await viaMcp(); }
  const d = [];
  const m = [];
  for (let i = 0; i < N_CALLS; i++) {
    let t = process.hrtime.bigint(); await direct(); d.push(ms(process.hrtime.bigint() - t));
    t = process.hrtime.bigint(); await viaMcp(); m.push(ms(process.hrtime.bigint() - t));
  }
  await close();
  return {
    transport: 'in-process MCP Client over InMemoryTransport → createServer (dist) → undici → simulator; no stdio pipe, so only our layer is added',
    calls: N_CALLS,
    direct: { p50_ms: r2(pct(d, 50)), p99_ms: r2(pct(d, 99)) },
    mcp: { p50_ms: r2(pct(m, 50)), p99_ms: r2(pct(m, 99)) },
    added_p50_ms: r2(pct(m, 50) - pct(d, 50)),
    added_p99_ms: r2(pct(m, 99) - pct(d, 99)),
    ratio_p50: r2(pct(m, 50) / pct(d, 50)),
    goal: 'added p50 ≤ 2 ms',
  };
}

// (c) tools/list tokens -----------------------------------------------------------------------------
async function tokens(sim) {
  const { ALL_TOOLS } = await dist('tools/index.js');
  const toolsetOf = Object.fromEntries(ALL_TOOLS.map((t) => [t.name, t.toolset]));
  const out = {};
  for (const [label, argv] of [['default', []], ['all', ['--toolsets', 'all']]]) {
    const { client, close } = await inProcess(sim, argv);
    const { tools } = await client.listTools();
    await close();
    const perTool = Object.fromEntries(tools.map((t) => [t.name, Math.round(JSON.stringify(t).length / 4)]));
    const perToolset = {};
    for (const t of tools) perToolset[toolsetOf[t.name]] = (perToolset[toolsetOf[t.name]] ?? 0) + perTool[t.name];
    out[label] = { tools: tools.length, tokens: Math.round(JSON.stringify({ tools }).length / 4), per_toolset: perToolset, per_tool: perTool };
  }
  out.method = 'characters of the JSON tools/list result ÷ 4';
  out.goal = 'default ≤ 12,000';
  return out;
}

// (g) polls spent waiting for a 10-minute render ------------------------------------------------
async function waitPolls() {
  const realNow = Date.now;
  const realSetTimeout = globalThis.setTimeout;
  let vt = realNow();
  let slept = 0;
  // Virtual time: the simulator, pollJob and wait_for_job all read Date.now; the sleeps of
  // the poll loop (timers set while dist/jobs/poll.js waits, by net/sleep.js) advance it at once instead of waiting. Every
  // other timer (undici, the simulator, the client's request timeout) stays real.
  Date.now = () => vt;
  globalThis.setTimeout = (fn, delay, ...rest) => {
    if (typeof delay === 'number' && delay > 0 && /jobs[/\\]poll\.js/.test(new Error().stack ?? '')) { vt += delay; slept += delay; return realSetTimeout(fn, 0, ...rest); }
    return realSetTimeout(fn, delay, ...rest);
  };
  try {
    const { startSimulator } = await dist('sandbox/index.js');
    const { DURATIONS } = await dist('sandbox/jobs.js');
    const renderSec = DURATIONS.video.pending + DURATIONS.video.processing;
    const sim = await startSimulator({ now: () => vt, speed: renderSec / 600 });
    try {
      const h = { 'x-api-key': sim.apiKey, accept: 'application/json', 'content-type': 'application/json' };
      const get = async (p) => (await (await request(`${sim.baseUrl}${p}`, { headers: h })).body.json()).data;
      const look = (await get('/v3/avatars/looks?limit=1'))[0];
      const voice = (await get('/v3/voices?limit=1'))[0];
      const res = await request(`${sim.baseUrl}/v3/videos`, { method: 'POST', headers: h, body: JSON.stringify({ type: 'avatar', avatar_id: look.id, voice_id: voice.voice_id, script: 'A ten minute render for the benchmark.' }) });
      const created = await res.body.json();
      const id = created.data?.video_id;
      if (!id) throw new Error(`could not create a video: ${JSON.stringify(created).slice(0, 200)}`);
      const { client, close } = await inProcess(sim, ['--toolsets', 'videos']);
      sim.clearRequests();
      const t0 = vt;
      let calls = 0;
      let last;
      while (calls < 100) {
        calls++;
        last = await client.callTool({ name: 'wait_for_job', arguments: { kind: 'video', id, timeout_seconds: 50 } });
        if (last.isError || last.structuredContent?.done || last.structuredContent?.failed) break;
      }
      await close();
      const polls = sim.apiRequests().filter((r) => r.method === 'GET' && r.path.startsWith('/v3/videos/')).length;
      return {
        render_seconds: 600, wait_calls: calls, upstream_polls: polls, virtual_seconds_waited: Math.round((vt - t0) / 1000),
        finished: last?.structuredContent?.done === true, goal: '≤ 40 polls',
        method: 'wait_for_job {timeout_seconds: 50} called again at once until done; simulator and poll sleeps on a virtual clock',
      };
    } finally {
      await sim.close();
    }
  } finally {
    Date.now = realNow;
    globalThis.setTimeout = realSetTimeout;
    void slept;
  }
}

// other benches ---------------------------------------------------------------------------------
async function external(file, opts) {
  if (!existsSync(here(file))) return { available: false, reason: `${file} not present` };
  try {
    const mod = await import(pathToFileURL(here(file)).href);
    if (typeof mod.run !== 'function') return { available: false, reason: `${file} exports no run()` };
    return { available: true, ...(await mod.run(opts)) };
  } catch (err) {
    return { available: false, reason: `${file} failed: ${err instanceof Error ? err.message : String(err)}` };
  }
}

function machine() {
  const cpu = /model name\s*:\s*(.+)/.exec(existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '')?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  let free = '';
  try { free = execSync('free -h', { encoding: 'utf8' }).split('\n')[1]?.replace(/\s+/g, ' ').trim() ?? ''; } catch { /* not Linux */ }
  return { nproc: os.availableParallelism(), cpu, memory: free || `${Math.round(os.totalmem() / 2 ** 30)} GiB`, node: process.version, platform: `${os.type()} ${os.release()}`, load_average: os.loadavg().map(r2), date: new Date().toISOString() };
}

function summary(x, pick) {
  if (!x || x.available === false) return `not available (${x?.reason ?? 'missing'})`;
  try { return pick(x); } catch { return JSON.stringify(x).slice(0, 160); }
}

const ONLY = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',') : undefined;
const want = (name) => !ONLY || ONLY.includes(name);
const skipped = { available: false, reason: 'skipped by BENCH_ONLY' };

async function main() {
  const results = { machine: machine() };
  const { startSimulator } = await dist('sandbox/index.js');
  const sim = await startSimulator({ speed: 60 });
  try {
    process.stderr.write('cold start…\n');
    results.cold_start = want('cold') ? await coldStart() : undefined;
    process.stderr.write('per-call overhead…\n');
    results.per_call = want('call') ? await silenced(() => perCall(sim)) : undefined;
    process.stderr.write('tools/list tokens…\n');
    results.tools_list = want('tokens') ? await silenced(() => tokens(sim)) : undefined;
  } finally {
    await sim.close();
  }
  process.stderr.write('wait_for_job polls…\n');
  results.wait = want('wait') ? await silenced(() => waitPolls()).catch((e) => ({ available: false, reason: e.message })) : skipped;
  process.stderr.write('catalog…\n');
  results.catalog = want('catalog') ? await silenced(() => external('catalog.mjs', { print: false })) : skipped;
  process.stderr.write('protocol eras…\n');
  results.eras = want('eras') ? await silenced(() => external('eras.mjs', { print: false })) : skipped;
  process.stderr.write('http…\n');
  results.http = want('http') ? await silenced(() => external('http.mjs', { print: false })) : skipped;
  process.stderr.write('tasks and coalesced waits…\n');
  results.tasks = want('tasks') ? await silenced(() => external('tasks.mjs', { print: false })) : skipped;
  process.stderr.write('upload…\n');
  results.upload = want('upload') ? await silenced(() => external('upload.mjs', { print: false })) : skipped;

  const na = { ratio: NaN, goal: '', ours: {}, bare: {}, mcp: {}, direct: {}, default: {}, all: {} };
  const c = results.cold_start ?? na;
  const p = results.per_call ?? na;
  const t = results.tools_list ?? na;
  const w = results.wait;
  const rows = [
    ['cold start → tools/list (median)', `${c.ours.tools_list_ms} ms vs bare ${c.bare.tools_list_ms} ms`, `${c.ratio}× (rounds ${c.ratio_per_round?.min}–${c.ratio_per_round?.max})`, c.goal, c.ratio <= 1.0 ? 'met' : 'MISSED'],
    ['cold start, no code cache (first start)', `${c.ours_no_cache?.tools_list_ms} ms`, `${c.ratio_no_cache}×`, '', ''],
    ['cold start vs bare server bundled', `bundled bare ${c.bare_bundled?.tools_list_ms} ms`, `${c.ratio_vs_bare_bundled}×`, '', ''],
    ...(c.ours_node_cache ? [['cold start, bundle under Node\'s compile cache', `${c.ours_node_cache.tools_list_ms} ms`, `${c.ratio_node_cache}×`, '', '']] : []),
    ['per call get_account p50', `${p.mcp.p50_ms} ms vs direct ${p.direct.p50_ms} ms`, `+${p.added_p50_ms} ms (${p.ratio_p50}×)`, p.goal, p.added_p50_ms <= 2 ? 'met' : 'MISSED'],
    ['per call get_account p99', `${p.mcp.p99_ms} ms vs direct ${p.direct.p99_ms} ms`, `+${p.added_p99_ms} ms`, '', ''],
    ['tools/list tokens, default', `${t.default.tokens} (${t.default.tools} tools)`, '', t.goal, t.default.tokens <= 12_000 ? 'met' : 'MISSED'],
    ['tools/list tokens, all', `${t.all.tokens} (${t.all.tools} tools)`, '', '', ''],
    ['wait: polls for a 10-min render', summary(w, (x) => `${x.upstream_polls} polls in ${x.wait_calls} calls${x.finished ? '' : ' (NOT finished)'}`), '', '≤ 40', w.available === false ? '' : w.upstream_polls <= 40 && w.finished ? 'met' : 'MISSED'],
    ...(results.catalog.lookups ?? [{}]).map((l) => [`catalog: ${l.case ?? 'lookup'} (${results.catalog.voices_in_catalog ?? '?'} voices)`,
      summary(results.catalog, () => `cold ${l.cold_requests} req ${l.cold_ms} ms · warm ${l.warm_requests} req p50 ${l.warm_p50_ms} ms`), '', '', l.ok === undefined ? '' : l.ok ? 'ok' : 'FAIL']),
    ...(() => {
      const e = results.eras ?? {};
      const pc = e.per_call ?? {};
      const tp = e.throughput ?? {};
      return [
        ['HTTP 2026-07-28 per call p50', summary(e, () => `${pc.modern_p50_ms} ms vs direct ${pc.direct_p50_ms} ms (2025 session ${pc.legacy_p50_ms} ms)`), `+${pc.modern_added_p50_ms} ms`, '≤ +2 ms', pc.modern_added_p50_ms === undefined ? '' : pc.modern_added_p50_ms <= 2 ? 'met' : 'MISSED'],
        ['HTTP throughput 2026-07-28 vs 2025 session', summary(e, () => `${tp.modern_calls_per_s} vs ${tp.legacy_calls_per_s} calls/s, server CPU ${tp.modern_server_cpu_ms_per_call} vs ${tp.legacy_server_cpu_ms_per_call} ms/call`), `${tp.ratio_median}× (${tp.ratio_min}–${tp.ratio_max})`, '≥ 0.8×', tp.ratio_median === undefined ? '' : tp.ratio_median >= 0.8 ? 'met' : 'MISSED'],
      ];
    })(),
    ...['modern', 'legacy'].flatMap((era) => {
      const x = results.http?.[era];
      const label = era === 'modern' ? '2026-07-28 clients' : '2025 sessions';
      return [
        ...(x?.rows ?? [{}]).map((row) => [`HTTP ${row.clients ?? '?'} ${label} × get_account`,
          summary(x, () => `burst p50 ${row.p50_ms} / p99 ${row.p99_ms} ms · paced p50 ${row.paced_p50_ms} / p99 ${row.paced_p99_ms} ms · RSS live ${row.rss_live_mb} MB (after GC ${row.rss_held_after_gc_mb} MB)`), '',
          row.clients === 200 ? 'paced p99 ≤ 50 ms, RSS ≤ 300 MB' : '', row.clients === 200 ? (row.paced_p99_ms <= 50 && row.rss_live_mb <= 300 ? 'met' : 'MISSED') : '']),
        [`HTTP RSS once every ${label.split(' ')[1]} left`, summary(x, (y) => `${y.rss_final_mb} MB vs ${y.rss_baseline_mb} MB after warm-up (${y.rss_final_vs_baseline_pct} %), heap ${y.heap_baseline_mb} → ${y.heap_final_mb} MB; second cycle ${y.rss_repeat_vs_first_cycle_pct} %`), '', '', ''],
      ];
    }),
    ...(() => {
      const x = results.tasks ?? {};
      const co = x.coalescing ?? {};
      const tr = x.task_renders ?? {};
      return [
        ['100 wait_for_job on one job (20 s)', summary(x, () => `${co.polls_with_watcher} polls vs ${co.polls_without_watcher} uncoalesced`), '', '= one watcher', co.polls_with_watcher === undefined ? '' : co.polls_with_watcher <= 10 ? 'met' : 'MISSED'],
        ['100 tasks on one job (10-min render)', summary(x, () => `${tr.polls_for_one_job} polls (one render alone: ${tr.max_polls_per_render})`), '', '= one watcher', tr.polls_for_one_job === undefined ? '' : tr.polls_for_one_job <= 40 ? 'met' : 'MISSED'],
        [`${tr.tasks ?? '?'} task renders, different jobs`, summary(x, () => `${tr.total_polls} polls (max ${tr.max_polls_per_render} per render) vs ${tr.wait_for_job_callers_total} for wait_for_job callers`), '', '≤ callers, ≤ 40 each', tr.total_polls === undefined ? '' : tr.total_polls <= (tr.wait_for_job_callers_total ?? Infinity) && tr.max_polls_per_render <= 40 ? 'met' : 'MISSED'],
      ];
    })(),
    ['upload 200 MB peak RSS', summary(results.upload, (x) => `+${x.rss_increase_mb} MB over ${x.baseline_rss_mb} MB (${x.upload_method}, ${x.throughput_mb_s} MB/s)`), '', `≤ +${results.upload.target_mb ?? '?'} MB`, results.upload.pass === undefined ? '' : results.upload.pass ? 'met' : 'MISSED'],
  ];
  const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...rows.map((r) => String(r[i]).length), 6));
  const line = (r) => '| ' + r.map((v, i) => String(v).padEnd(widths[i])).join(' | ') + ' |';
  console.log(line(['figure', 'measured', 'ratio / added', 'goal', 'status']));
  console.log('|' + widths.map((w2) => '-'.repeat(w2 + 2)).join('|') + '|');
  for (const r of rows) console.log(line(r));
  console.log('\nper toolset (tokens, all):', JSON.stringify(t.all.per_toolset));
  console.log(`machine: ${results.machine.nproc} CPU ${results.machine.cpu}, ${results.machine.memory}, node ${results.machine.node}, load ${results.machine.load_average.join(' ')}`);
  writeFileSync(here('results.json'), JSON.stringify(results, null, 2) + '\n');
  console.log('wrote bench/results.json');
  process.exit(0);
}

await main();
