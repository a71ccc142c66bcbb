#!/usr/bin/env node
// Polls HeyGen pays for when many clients follow renders (issue 13), measured against the
// simulator in process. Run alone (`node bench/tasks.mjs`, after `npm run build`) or from
// bench/run.mjs (BENCH_ONLY=tasks).
// 1. Coalescing, real time: 100 concurrent `wait_for_job` calls (timeout 20 s) on one running job,
//    without the shared watcher (each call polls on its own, as before issue 13) and with it.
// 2. Task renders, time scaled 1:100 (poll bounds 2 s → 30 s become 20 ms → 300 ms, a 10-minute
//    render lasts 6 s): 100 `wait_for_job` tasks on one job, then 99 `create_avatar_video` calls
//    run as tasks (99, not 100: the sandbox wallet pays for 100 renders and one is the sample). Compared with the recorded polls of one `wait_for_job` caller for a
//    10-minute render (bench/run.mjs "wait", virtual clock) times 100.
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Client, InMemoryTransport } from '@modelcontextprotocol/client';
import { request } from 'undici';
import { z } from 'zod';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const dist = (p) => import(pathToFileURL(here(`../dist/${p}`)).href);
// Watchers of one job; task renders of different jobs (the sandbox wallet pays for 100 renders, one is the sample).
const N = Number(process.env.BENCH_TASKS_N ?? 100);
const RENDERS = Math.min(N, 99);
const SCALE = 100;

async function server(sim, { watch, minMs = 2_000, maxMs = 30_000 }) {
  const { loadConfig } = await dist('config.js');
  const { createServer, prepareServer } = await dist('server.js');
  await prepareServer();
  const { MemoryStateProvider } = await dist('state/memory.js');
  const { makeDeps } = await dist('deps.js');
  const { silentLogger } = await dist('log.js');
  const { JobWatcher } = await dist('hosted/poller.js');
  const { defaultJobReader } = await dist('hosted/job-reader.js');
  const { TaskRunner } = await dist('tasks/runner.js');
  const config = loadConfig(['--toolsets', 'videos'], {});
  const deps = makeDeps({ config, upstream: { apiKey: sim.apiKey, baseUrl: sim.baseUrl, sandbox: false, close: async () => undefined }, apiKey: sim.apiKey, transport: 'stdio', era: 'legacy', states: new MemoryStateProvider(), log: silentLogger });
  if (watch) {
    deps.watcher = new JobWatcher({ reader: defaultJobReader, log: silentLogger, minMs, maxMs });
    deps.tasks = new TaskRunner({ watcher: deps.watcher, pollMinMs: minMs, pollMaxMs: maxMs });
  }
  const srv = createServer(deps);
  const client = new Client({ name: 'bench', version: '0' }, { capabilities: { tasks: { requests: {} } } });
  const [a, b] = InMemoryTransport.createLinkedPair();
  await Promise.all([srv.connect(b), client.connect(a)]);
  return {
    client, deps,
    close: async () => { await client.close(); await srv.close(); await deps.tasks?.close(); deps.watcher?.close(); },
  };
}

async function newVideo(sim) {
  const h = { 'x-api-key': sim.apiKey, accept: 'application/json', 'content-type': 'application/json' };
  const get = async (p) => (await (await request(`${sim.baseUrl}${p}`, { headers: h })).body.json()).data;
  const look = (await get('/v3/avatars/looks?limit=1'))[0];
  const voice = (await get('/v3/voices?limit=1'))[0];
  const res = await request(`${sim.baseUrl}/v3/videos`, { method: 'POST', headers: h, body: JSON.stringify({ type: 'avatar', avatar_id: look.id, voice_id: voice.voice_id, script: `Bench ${Math.random()}` }) });
  return { id: (await res.body.json()).data.video_id, look: look.id, voice: voice.voice_id };
}

const pollsOf = (sim, id) => sim.apiRequests().filter((r) => r.method === 'GET' && r.path === `/v3/videos/${id}`).length;

async function coalescing(startSimulator) {
  const sim = await startSimulator({ speed: 1 }); // a 90 s render: still running when the waits end
  try {
    const [plain, shared] = await Promise.all([server(sim, { watch: false }), server(sim, { watch: true })]);
    const [jobA, jobB] = [await newVideo(sim), await newVideo(sim)];
    sim.clearRequests();
    const wait = (s, id) => Array.from({ length: N }, () => s.client.callTool({ name: 'wait_for_job', arguments: { kind: 'video', id, timeout_seconds: 20 } }));
    const t0 = Date.now();
    await Promise.all([...wait(plain, jobA.id), ...wait(shared, jobB.id)]);
    const seconds = Math.round((Date.now() - t0) / 1000);
    await plain.close();
    await shared.close();
    return { waiters: N, seconds, polls_without_watcher: pollsOf(sim, jobA.id), polls_with_watcher: pollsOf(sim, jobB.id) };
  } finally {
    await sim.close();
  }
}

async function settle(deps, ids, deadlineMs) {
  const end = Date.now() + deadlineMs;
  for (;;) {
    const rs = await Promise.all(ids.map((id) => deps.state.tasks.get(id)));
    if (rs.every((r) => r && ['completed', 'failed', 'cancelled'].includes(r.status))) return rs;
    if (Date.now() > end) throw new Error('tasks did not finish in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function taskRenders(startSimulator) {
  const { DURATIONS } = await dist('sandbox/jobs.js');
  const renderSec = DURATIONS.video.pending + DURATIONS.video.processing;
  // 600 s of render at 1:100 is 6 s of real time.
  const sim = await startSimulator({ speed: renderSec / (600 / SCALE) });
  try {
    const s = await server(sim, { watch: true, minMs: 2_000 / SCALE, maxMs: 30_000 / SCALE });
    // N tasks following one job (first: the sandbox wallet holds about 100 renders).
    const one = await newVideo(sim);
    sim.clearRequests();
    const asTask = (name, args) => s.client.request({ method: 'tools/call', params: { name, arguments: args, task: {} } }, z.any());
    const waits = await Promise.all(Array.from({ length: N }, () => asTask('wait_for_job', { kind: 'video', id: one.id })));
    await settle(s.deps, waits.map((m) => m.task.taskId), 60_000);
    const oneJob = pollsOf(sim, one.id);
    const sample = one;
    sim.clearRequests();
    const made = await Promise.all(Array.from({ length: RENDERS }, (_, i) => asTask('create_avatar_video', { avatar_id: sample.look, voice_id: sample.voice, script: `Task render ${i} ${Math.random()}` })));
    const bad = made.find((m) => !m.task);
    if (bad) throw new Error(`${made.filter((m) => !m.task).length} not tasks: ${JSON.stringify(bad).slice(0, 300)}`);
    const ids = made.map((m) => m.task.taskId);
    const done = await settle(s.deps, ids, 60_000);
    const jobs = done.map((r) => r.job.id);
    const perJob = jobs.map((id) => pollsOf(sim, id));
    await s.close();
    let waitCaller;
    try { waitCaller = JSON.parse(readFileSync(here('results.json'), 'utf8')).wait?.upstream_polls; } catch { waitCaller = undefined; }
    return {
      tasks: RENDERS, completed: done.filter((r) => r.status === 'completed').length,
      total_polls: perJob.reduce((a, b) => a + b, 0), max_polls_per_render: Math.max(...perJob), mean_polls_per_render: Math.round((perJob.reduce((a, b) => a + b, 0) / RENDERS) * 10) / 10,
      wait_for_job_caller_polls_per_render: waitCaller, wait_for_job_callers_total: waitCaller === undefined ? undefined : waitCaller * RENDERS,
      tasks_on_one_job: N, polls_for_one_job: oneJob,
      time_scale: `1:${SCALE} (watcher 20–300 ms stands for 2–30 s; render 6 s stands for 10 min)`,
    };
  } finally {
    await sim.close();
  }
}

export async function run({ print = true } = {}) {
  const { startSimulator } = await dist('sandbox/index.js');
  const coalesced = process.env.BENCH_TASKS_ONLY === 'renders' ? undefined : await coalescing(startSimulator);
  const renders = await taskRenders(startSimulator);
  const out = { coalescing: coalesced, task_renders: renders };
  if (print) console.log(JSON.stringify(out, null, 2));
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
