#!/usr/bin/env node
// The bin. It only installs the stdout guard, then loads the server: with static imports the
// whole module graph would be read before the guard ran, and anything printed meanwhile
// would corrupt the JSON-RPC stream. The build bundles the server into bin/cli.mjs (one file
// to load instead of ~250, see scripts/bundle-bin.mjs); without it the plain modules serve.
import './stdout-guard.js';
import { existsSync } from 'node:fs';

const bundled = new URL('./bin/cli.mjs', import.meta.url);
await import(existsSync(bundled) ? bundled.href : './cli.js');
