// Bundles the server behind the bin into dist/bin/ with esbuild: one file for everything a start
// needs, plus lazily loaded chunks for what only some runs use (HTTP hosting, the simulator,
// Redis). Loading one file instead of ~250 modules is most of a cold start. dist/index.js loads
// the bundle when it is there (it always is after `npm run build`) and the plain modules otherwise.
import { build } from 'esbuild';

await build({
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'dist/bin',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.18',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunk-[hash]',
  legalComments: 'none',
  // Loaded from node_modules on first use instead: undici (every HeyGen call; bundled, its
  // connections failed) and ioredis (only with a Redis URL). Neither is read at start.
  external: ['undici', 'ioredis', '@modelcontextprotocol/server/validators/ajv'],
  // The SDK's Node shim sets up Ajv at load; this one defers it to first use (see the file).
  alias: { '@modelcontextprotocol/server/_shims': './scripts/sdk-shims-lazy.mjs' },
  logLevel: 'warning',
  // CommonJS dependencies (ioredis, jose's helpers…) call require() for Node's built-ins.
  banner: { js: "import { createRequire as __heygenRequire } from 'node:module'; const require = __heygenRequire(import.meta.url);" },
});
