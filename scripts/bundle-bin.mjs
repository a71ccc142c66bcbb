// Bundles the server behind the bin into one CommonJS file, dist/bin/cli.cjs, with esbuild.
// Loading one file instead of ~250 modules is most of a cold start; the rest is compiling it,
// which src/bin/load.ts skips on later starts with a V8 code cache (CommonJS because Node 20
// offers code caches only for scripts, not ES modules). What only some runs use (HTTP hosting,
// the simulator, Redis) sits in the same file but is evaluated on first use. The build id beside
// it (cli.cjs.json) names the cache files. dist/index.js loads the bundle when it is there (it
// always is after `npm run build`) and the plain modules otherwise.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const outfile = 'dist/bin/cli.cjs';

await build({
  entryPoints: ['src/cli.ts'],
  outfile,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20.18',
  legalComments: 'none',
  // Loaded from node_modules on first use instead: undici (every HeyGen call; bundled, its
  // connections failed) and ioredis (only with a Redis URL). Neither is read at start.
  external: ['undici', 'ioredis', '@modelcontextprotocol/server/validators/ajv'],
  // The SDK's Node shim sets up Ajv at load; this one defers it to first use (see the file).
  alias: { '@modelcontextprotocol/server/_shims': './scripts/sdk-shims-lazy.mjs' },
  // Modules find their files (views, docs, the tools list) relative to their own URL; in the
  // bundle that is the bundle's.
  define: { 'import.meta.url': '__heygenModuleUrl' },
  banner: { js: "const __heygenModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  // import() of a package becomes require(): V8 does not wire dynamic import() up for a script
  // compiled from a code cache (such an import never settles), and undici is CommonJS anyway.
  supported: { 'dynamic-import': false },
  logLevel: 'warning',
});
if (/\bimport\(/.test(readFileSync(outfile, 'utf8').replace(/\/\/.*$/gm, ''))) throw new Error(`${outfile} contains import(): it would hang when run from a code cache`);

const sha256 = createHash('sha256').update(readFileSync(outfile)).digest('hex');
writeFileSync(`${outfile}.json`, `${JSON.stringify({ sha256 })}\n`);
