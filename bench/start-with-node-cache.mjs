#!/usr/bin/env node
// The cold-start bench's comparison on Node 22.1+: the same bundle loaded with require() under
// Node's own compile cache (directory from BENCH_NODE_CACHE_DIR), instead of src/bundle-loader.ts.
import '../dist/stdout-guard.js';
import module, { createRequire } from 'node:module';

module.enableCompileCache(process.env.BENCH_NODE_CACHE_DIR);
createRequire(import.meta.url)('../dist/bin/cli.cjs');
