// node bench/prompt-validator.mjs (after npm run build) — times the prompt validator on the
// hostile inputs and the good fixtures, and fails when any takes 200 ms or more or when its tool
// result (structured content plus the JSON text mirror) would reach 50 KB.
import { readFileSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { validatePrompt } from '../dist/promptkit/validate.js';
import { hostilePrompts } from '../test/fixtures/prompts/hostile.mjs';

const MAX_MS = 200;
const MAX_BYTES = 50_000;
const ROUNDS = 5;
const fixtures = fileURLToPath(new URL('../test/fixtures/prompts/good/', import.meta.url));
const inputs = [
  ...hostilePrompts().map((h) => ({ name: h.name, prompt: h.prompt })),
  ...readdirSync(fixtures).map((f) => ({ name: f, prompt: readFileSync(fixtures + f, 'utf8') })),
];

const rows = [];
for (const { name, prompt } of inputs) {
  validatePrompt(prompt); // warm the regexes
  let worst = 0;
  let result;
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    result = validatePrompt(prompt);
    worst = Math.max(worst, performance.now() - t0);
  }
  const structured = JSON.stringify({ ok: result.ok, errors: result.errors, warnings: result.warnings, ...result.stats });
  // The tool answers with structuredContent and the same JSON as text, plus one or two notes.
  const toolBytes = 2 * Buffer.byteLength(structured) + 400;
  rows.push({ name, chars: prompt.length, worst_ms: Math.round(worst * 10) / 10, tool_bytes: toolBytes });
}

console.table(rows);
const slow = rows.filter((r) => r.worst_ms >= MAX_MS);
const big = rows.filter((r) => r.tool_bytes >= MAX_BYTES);
const maxMs = Math.max(...rows.map((r) => r.worst_ms));
const maxBytes = Math.max(...rows.map((r) => r.tool_bytes));
console.log(JSON.stringify({ inputs: rows.length, rounds: ROUNDS, max_ms: maxMs, max_tool_bytes: maxBytes, node: process.version }));
if (slow.length || big.length) {
  console.error(`over budget: ${[...slow.map((r) => `${r.name} ${r.worst_ms} ms`), ...big.map((r) => `${r.name} ${r.tool_bytes} B`)].join(', ')}`);
  process.exit(1);
}
