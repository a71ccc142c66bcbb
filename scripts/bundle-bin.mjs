// Bundles the server behind the bin into one CommonJS file, dist/bin/cli.cjs, with esbuild.
// Loading one file instead of ~250 modules is most of a cold start; the rest is compiling it,
// which src/bundle-loader.ts skips on later starts with a V8 code cache (CommonJS because Node 20
// offers code caches only for scripts, not ES modules). What only some runs use (HTTP hosting,
// Redis) sits in the same file but is evaluated on first use; the simulator, which shares no
// module with the server, is a second file (sandbox.cjs) required only with --sandbox. The build
// id beside the bundle (cli.cjs.json) names the cache files. dist/index.js loads the bundle when
// it is there (it always is after `npm run build`) and the plain modules otherwise.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

/**
 * zod re-exports every one of its ~60 message locales as `z.locales`; nothing here uses any but
 * English, which zod registers from its own module. Left in, they are a sixth of the bundle that
 * every first start parses. zod's locale index is swapped for English alone.
 */
const englishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => (/[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: new URL('zod-locales-en.mjs', import.meta.url).pathname } : undefined));
  },
};

/** The simulator is reached only through runtime.ts's import of ./sandbox/index.js: that becomes sandbox.cjs. */
const sandboxApart = {
  name: 'sandbox-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/sandbox\/index\.js$/ }, (args) => (/[\\/]src[\\/]runtime\.ts$/.test(args.importer) ? { path: './sandbox.cjs', external: true } : undefined));
  },
};

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20.18',
  legalComments: 'none',
  // Modules find their files (views, docs, the tools list, the simulator's fixtures) relative to
  // their own URL; in a bundle that is the bundle's.
  define: { 'import.meta.url': '__heygenModuleUrl' },
  banner: { js: "const __heygenModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  // import() of a package becomes require(): V8 does not wire dynamic import() up for a script
  // compiled from a code cache (such an import never settles), and undici is CommonJS anyway.
  supported: { 'dynamic-import': false },
  logLevel: 'warning',
};

const outfile = 'dist/bin/cli.cjs';
await build({
  ...common,
  entryPoints: ['src/cli.ts'],
  outfile,
  // Loaded from node_modules on first use instead: undici (every HeyGen call; bundled, its
  // connections failed) and ioredis (only with a Redis URL). Neither is read at start.
  external: ['undici', 'ioredis', '@modelcontextprotocol/server/validators/ajv'],
  // The SDK's Node shim sets up Ajv at load; this one defers it to first use (see the file).
  alias: { '@modelcontextprotocol/server/_shims': './scripts/sdk-shims-lazy.mjs' },
  plugins: [englishOnly, sandboxApart],
});
await build({ ...common, entryPoints: ['src/sandbox/index.ts'], outfile: 'dist/bin/sandbox.cjs', plugins: [englishOnly] });

for (const file of [outfile, 'dist/bin/sandbox.cjs']) {
  if (/\bimport\(/.test(readFileSync(file, 'utf8').replace(/\/\/.*$/gm, ''))) throw new Error(`${file} contains import(): it would hang when run from a code cache`);
}
const sha256 = createHash('sha256').update(readFileSync(outfile)).digest('hex');
writeFileSync(`${outfile}.json`, `${JSON.stringify({ sha256 })}\n`);
