import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Vitest global setup: the end-to-end tests run the built bin, so a missing or stale `dist/`
 * is built here instead of those tests skipping (a fresh clone runs `npm run test:unit` as it
 * is). `npm test` builds first, so this finds `dist/` current and does nothing.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));

function newest(dir: string): number {
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return max;
}

export default function setup(): void {
  // The build writes tools-list.json last, so its time says when the whole build finished.
  const stamp = join(root, 'dist', 'tools', 'tools-list.json');
  const builtAt = existsSync(stamp) && existsSync(join(root, 'dist', 'index.js')) ? statSync(stamp).mtimeMs : 0;
  if (builtAt >= Math.max(newest(join(root, 'src')), statSync(join(root, 'tsconfig.build.json')).mtimeMs)) return;
  process.stderr.write('[test setup] dist/ is missing or older than src/: building it (npm run build)\n');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
}
