#!/usr/bin/env node
// The bin. It only installs the stdout guard, then loads the server: with static imports the
// whole module graph would be read before the guard ran, and anything printed meanwhile
// would corrupt the JSON-RPC stream. The build bundles the server into bin/cli.cjs (one file
// to load instead of ~250, see scripts/bundle-bin.mjs), run with a code cache by
// ./bundle-loader.js; without the bundle the plain modules serve.
import './stdout-guard.js';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundled = fileURLToPath(new URL('./bin/cli.cjs', import.meta.url));
if (existsSync(bundled)) {
  const { runBundle } = await import('./bundle-loader.js');
  const debug = process.env.HEYGEN_MCP_LOG_LEVEL === 'debug';
  runBundle(bundled, process.env, debug ? (line) => process.stderr.write(`heygen-mcp: ${line}\n`) : undefined);
} else {
  await import('./cli.js');
}
