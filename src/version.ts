import { readFileSync } from 'node:fs';

/**
 * The package version, read from package.json: one level above src/ and dist/, two above the
 * bundle in dist/bin/.
 */
export const VERSION: string = (() => {
  for (const path of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as { name?: string; version: string };
      if (pkg.name === 'heygen-mcp') return pkg.version;
    } catch {
      // not at this depth
    }
  }
  return '0.0.0';
})();
