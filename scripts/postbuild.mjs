// Runs after tsc: makes the bin executable, and writes dist/tools/tools-list.json, every tool's
// finished tools/list entry, so a fresh process lists its tools without converting the zod
// schemas again (see src/tools/list-entry.ts). The entries come from the same function the live path
// uses when the file is missing, and a test checks the two agree.
import { chmodSync, existsSync, rmSync, writeFileSync } from 'node:fs';

const dist = new URL('../dist/', import.meta.url);
const bin = new URL('index.js', dist);
if (existsSync(bin)) chmodSync(bin, 0o755);

const out = new URL('tools/tools-list.json', dist);
rmSync(out, { force: true }); // never serve a list from an older build
const { computeToolEntry } = await import(new URL('tools/list-entry.js', dist).href);
const { ALL_TOOLS } = await import(new URL('tools/index.js', dist).href);
writeFileSync(out, JSON.stringify({ tools: Object.fromEntries(ALL_TOOLS.map((t) => [t.name, computeToolEntry(t)])) }));
