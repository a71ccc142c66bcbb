import { realpath } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The local folders among a client's MCP roots (file:// URIs only; others are skipped). */
export function fileRoots(roots: readonly { uri: string }[]): string[] {
  const out: string[] = [];
  for (const root of roots) {
    if (!root.uri.startsWith('file:')) continue;
    try { out.push(fileURLToPath(root.uri)); } catch { /* a file: URI with a host or bad escapes: skip it */ }
  }
  return out;
}

/** Expands `~`, then resolves every root through symlinks; roots that do not exist are dropped. */
export async function realRoots(dirs: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const d of dirs) {
    if (!d || d.includes('\0')) continue;
    try {
      out.push(await realpath(expandHome(d)));
    } catch {
      // A configured root that is missing cannot contain anything.
    }
  }
  return [...new Set(out)];
}

export function expandHome(p: string): string {
  return p === '~' || p.startsWith('~/') ? resolve(homedir(), p.slice(2)) : resolve(p);
}

/** True when `target` is strictly inside `root` (both already absolute); no string-prefix tricks. */
export function isInside(target: string, root: string): boolean {
  const rel = relative(root, target);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
