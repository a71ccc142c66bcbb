#!/usr/bin/env node
// The bin. It only installs the stdout guard, then loads the server: with static imports the
// whole module graph would be read before the guard ran, and anything printed meanwhile
// would corrupt the JSON-RPC stream.
import './stdout-guard.js';

await import('./cli.js');
