// Upload benchmark: a 200 MB file through the direct-upload path (slot → presigned PUT →
// complete) against the simulator, measuring how much the process RSS rises while it streams.
// Target (issue 6): peak RSS increase ≤ 64 MB. Run after `npm run build`:
//   node --expose-gc bench/upload.mjs            (or via `npm run bench`)
import { fork } from 'node:child_process';
import { mkdtemp, open, rm, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = new URL('../dist/', import.meta.url);
const load = (p) => import(new URL(p, dist).href);

export const TARGET_MB = 64;
const MB = 1024 * 1024;

/** Runs one 200 MB direct upload and returns the figures. */
export async function run({ sizeMb = 200, sampleMs = 20 } = {}) {
  const [{ HeyGenClient }, { openRegularFile }, { uploadSource, fileSource }] = await Promise.all([
    load('heygen/client.js'), load('uploads/local-file.js'), load('uploads/upload.js'),
  ]);
  const dir = await mkdtemp(join(tmpdir(), 'heygen-bench-upload-'));
  const path = join(dir, 'big.mp4');
  // An MP4 signature followed by a sparse hole: 200 MB on paper, almost nothing on disk.
  const fh = await open(path, 'w');
  await fh.write(Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42')]));
  await fh.close();
  await truncate(path, sizeMb * MB);

  // The simulator plays the storage host, so it runs in its own process: only our side is measured.
  const sim = await simulatorProcess();
  const heygen = new HeyGenClient({ apiKey: sim.apiKey, baseUrl: sim.baseUrl });
  let file;
  try {
    file = await openRegularFile(path, 5 * 1024 * MB);
    globalThis.gc?.();
    await new Promise((r) => setTimeout(r, 100));
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, sampleMs);
    const t0 = performance.now();
    const result = await uploadSource(heygen, fileSource(file, 'big.mp4'), { call: {} });
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const put = (await sim.requests()).find((r) => r.method === 'PUT');
    const increaseMb = (peak - baseline) / MB;
    return {
      file_mb: sizeMb,
      upload_method: result.upload_method,
      asset_status: result.status,
      put_had_api_key: put ? 'x-api-key' in put.headers : undefined,
      baseline_rss_mb: round(baseline / MB),
      peak_rss_mb: round(peak / MB),
      rss_increase_mb: round(increaseMb),
      target_mb: TARGET_MB,
      pass: increaseMb <= TARGET_MB && result.upload_method === 'direct',
      seconds: round(seconds),
      throughput_mb_s: round((sizeMb * 2) / seconds), // hashed once, then sent once
      gc_exposed: typeof globalThis.gc === 'function',
    };
  } finally {
    await file?.handle.close();
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  }
}

function simulatorProcess() {
  const child = fork(new URL(import.meta.url).pathname, ['--simulator'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', ({ baseUrl, apiKey }) => resolve({
      baseUrl, apiKey,
      requests: () => new Promise((r) => { child.once('message', r); child.send('requests'); }),
      close: () => new Promise((r) => { child.once('exit', r); child.kill(); }),
    }));
  });
}

async function serveSimulator() {
  const { startSimulator } = await load('sandbox/index.js');
  const sim = await startSimulator({ speed: 60 });
  process.on('message', () => process.send(sim.requests.map((r) => ({ method: r.method, path: r.path, headers: r.headers }))));
  process.send({ baseUrl: sim.baseUrl, apiKey: sim.apiKey });
}

function round(n) {
  return Math.round(n * 10) / 10;
}

if (process.argv[2] === '--simulator') {
  await serveSimulator();
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await run();
  console.log('upload (direct path, 200 MB file, simulator in a child process)');
  console.log('| metric | value |\n|---|---|');
  for (const [k, v] of Object.entries(r)) console.log(`| ${k} | ${v} |`);
  console.log(JSON.stringify({ upload: r }));
  if (!r.pass) process.exitCode = 1;
}
