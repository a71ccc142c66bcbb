#!/usr/bin/env node
// The bin. It only installs the stdout guard, then loads the server: with static imports the
// whole module graph would be read before the guard ran, and anything printed meanwhile
// would corrupt the JSON-RPC stream. The build bundles the server into bin/cli.mjs (one file
// to load instead of ~250, see scripts/bundle-bin.mjs); without it the plain modules serve.
import './stdout-guard.js';
import { existsSync } from 'node:fs';
import module from 'node:module';

// Node 22.1+ keeps compiled code between starts (in its temporary directory); Node 20 has no such
// cache and skips this.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const bundled = new URL('./bin/cli.mjs', import.meta.url);
await import(existsSync(bundled) ? bundled.href : './cli.js');
