import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import vm from 'node:vm';

/**
 * Runs the bundled server (dist/bin/cli.cjs) with a V8 code cache, so a start after the first
 * skips compiling it: the bundle is compiled from a cache file when one matches, and when none
 * does, the cache is written as the process ends (or after a few seconds of running), holding
 * every function the run compiled. Node's own compile cache (22.1+) is written before the code
 * runs, so it holds only what V8 compiles eagerly; Node 20 has none for ES modules at all.
 *
 * A code cache is executable code, so it is only read from a directory this user owns that no
 * one else can write (`<tmpdir>/heygen-mcp-code-cache-<uid>`, mode 700), and only from files this
 * user owns. `NODE_COMPILE_CACHE` moves the directory (under it, `heygen-mcp/`) and
 * `NODE_DISABLE_COMPILE_CACHE=1` turns caching off, as they do for Node's own cache. V8 refuses a
 * cache made by another Node version or with other flags; the name carries the bundle's hash and
 * the Node version, so a new build or Node never meets an old cache.
 */

/** Cache files kept in the directory (one per bundle build and Node version in use). */
const KEEP = 8;
/** A process that runs this long writes its cache without waiting for its end. */
const WRITE_AFTER_MS = 5_000;

/**
 * used: compiled from the cache · rejected: V8 refused the file (it is rewritten) · absent: none
 * yet (it is written) · refused: the directory or file is not this user's alone (nothing is read
 * or written) · off: caching is turned off, or the bundle has no build id.
 */
export type CacheState = 'used' | 'rejected' | 'absent' | 'refused' | 'off';

export function cacheDirectory(env: NodeJS.ProcessEnv): string | undefined {
  if (env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  if (env.NODE_COMPILE_CACHE) return join(env.NODE_COMPILE_CACHE, 'heygen-mcp');
  const uid = process.getuid?.();
  return join(tmpdir(), `heygen-mcp-code-cache${uid === undefined ? '' : `-${uid}`}`);
}

/** True when `path` is this user's own and nobody else may write it (always true on Windows). */
function ownPrivate(path: string, kind: 'dir' | 'file'): boolean {
  const st = lstatSync(path);
  if (kind === 'dir' ? !st.isDirectory() : !st.isFile()) return false;
  const uid = process.getuid?.();
  if (uid !== undefined && st.uid !== uid) return false;
  return process.platform === 'win32' || (st.mode & 0o022) === 0;
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function readCache(dir: string, name: string): Buffer | 'refused' | undefined {
  if (!exists(dir)) return undefined;
  if (!ownPrivate(dir, 'dir')) return 'refused';
  const file = join(dir, name);
  if (!exists(file)) return undefined;
  return ownPrivate(file, 'file') ? readFileSync(file) : 'refused';
}

function writeCache(dir: string, name: string, data: Buffer): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!ownPrivate(dir, 'dir')) throw new Error(`${dir} is not private to this user`);
  const tmp = join(dir, `${name}.${process.pid}.tmp`);
  writeFileSync(tmp, data, { mode: 0o600 });
  renameSync(tmp, join(dir, name));
  const old = readdirSync(dir)
    .filter((f) => f.endsWith('.v8cache') && f !== name)
    .map((f) => ({ f, t: lstatSync(join(dir, f)).mtimeMs }))
    .sort((a, b) => b.t - a.t)
    .slice(KEEP - 1);
  for (const { f } of old) rmSync(join(dir, f), { force: true });
}

/** Loads and runs the bundle at `file`. Reports what became of the cache to `report` (debug logging). */
export function runBundle(file: string, env: NodeJS.ProcessEnv = process.env, report?: (line: string) => void): CacheState {
  const source = readFileSync(file, 'utf8');
  let dir = cacheDirectory(env);
  let name = '';
  try {
    const { sha256 } = JSON.parse(readFileSync(`${file}.json`, 'utf8')) as { sha256?: unknown };
    if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256)) throw new Error('no build id');
    name = `${sha256.slice(0, 32)}-${process.version}-${process.arch}.v8cache`;
  } catch {
    dir = undefined; // without the build's id nothing can tell this bundle's cache from another's
  }
  let found: Buffer | 'refused' | undefined;
  try {
    found = dir ? readCache(dir, name) : undefined;
  } catch {
    found = 'refused';
  }
  const cached = Buffer.isBuffer(found) ? found : undefined;
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    ...(cached ? { cachedData: cached } : {}),
  });
  const state: CacheState = !dir ? 'off' : found === 'refused' ? 'refused' : !cached ? 'absent' : script.cachedDataRejected ? 'rejected' : 'used';
  if (dir && (state === 'absent' || state === 'rejected')) {
    const target = dir;
    let done = false;
    const write = () => {
      if (done) return;
      done = true;
      try {
        writeCache(target, name, script.createCachedData());
        report?.(`code cache written to ${target}`);
      } catch (err) {
        report?.(`code cache not written: ${err instanceof Error ? err.message : String(err)}`);
      }
    };
    process.once('exit', write);
    setTimeout(write, WRITE_AFTER_MS).unref();
  }
  report?.(`code cache ${state}${dir ? ` (${dir})` : ''}`);
  const run = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: { exports: object }, filename: string, dirname: string) => void;
  const mod = { exports: {} };
  run(mod.exports, createRequire(file), mod, file, dirname(file));
  return state;
}
