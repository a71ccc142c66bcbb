// Reads the official conformance suite's saved results (`conformance server -o DIR`) and judges
// them against the scenarios each protocol revision asks of any server: every check of those must
// pass, except a check that could only run against the suite's own diagnostic tools (`test_*`),
// which no real server lists. Prints one line per scenario and exits 1 if a required one failed.
// Usage: node scripts/conformance-report.mjs <results-dir> <revision> [--markdown]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Kept in alphabetical order.
export const REQUIRED = {
  '2026-07-28': ['caching', 'dns-rebinding-protection', 'http-header-validation', 'prompts-list', 'resources-list', 'sep-2164-resource-not-found', 'server-sse-multiple-streams', 'server-stateless', 'tools-list'],
  '2025-11-25': ['dns-rebinding-protection', 'logging-set-level', 'ping', 'prompts-list', 'resources-list', 'server-initialize', 'tools-list'],
  // Extensions this server implements, run by name (no revision's list includes them): Skills
  // (SEP-2640) and Tasks (io.modelcontextprotocol/tasks).
  extensions: ['sep-2640-skills-directory', 'sep-2640-skills-enumeration', 'sep-2640-skills-manifest', 'tasks-capability-negotiation', 'tasks-dispatch-and-envelope'],
};

/**
 * Tools only the suite's reference server has: its `test_*` diagnostics and the Tasks scenarios'
 * fixtures (a sync `greet`, a sleeping `slow_compute`, `confirm_delete`, `failing_job`).
 */
const SUITE_TOOL = /\btest_[a-z_]+\b|(Unknown tool|Tool not found:) "(greet|slow_compute|confirm_delete|failing_job)"/;

/** A failed check that needed one of the suite's own `test_*` tools says so; it says nothing about us. */
const needsDiagnosticTool = (c) => c.details?.untestable === true || SUITE_TOOL.test(c.errorMessage ?? '');

// `--list NAME` prints the scenario names of one list (the shell script runs the extensions one by one).
if (process.argv[2] === '--list') {
  console.log((REQUIRED[process.argv[3]] ?? []).join(' '));
  process.exit(0);
}
const [dir, revision, flag] = process.argv.slice(2);
if (!dir || !REQUIRED[revision]) {
  console.error('usage: node scripts/conformance-report.mjs <results-dir> <2026-07-28|2025-11-25|extensions> [--markdown]');
  process.exit(2);
}
const scenarios = new Map();
for (const run of readdirSync(dir)) {
  const m = /^server-(.+)-\d{4}-\d\d-\d\dT/.exec(run);
  if (!m) continue;
  const checks = JSON.parse(readFileSync(join(dir, run, 'checks.json'), 'utf8'));
  scenarios.set(m[1], checks);
}
let failed = 0;
const rows = [];
for (const [name, checks] of [...scenarios].sort(([a], [b]) => a.localeCompare(b))) {
  const required = REQUIRED[revision].includes(name);
  const pass = checks.filter((c) => c.status === 'SUCCESS').length;
  const fails = checks.filter((c) => c.status === 'FAILURE');
  const diagnostic = fails.filter(needsDiagnosticTool).length;
  const real = fails.length - diagnostic;
  if (required && real > 0) failed++;
  rows.push({ name, required, pass, real, diagnostic, total: checks.length, first: fails.find((c) => !needsDiagnosticTool(c))?.errorMessage });
}
for (const name of REQUIRED[revision]) {
  if (!scenarios.has(name)) { failed++; rows.push({ name, required: true, pass: 0, real: 1, diagnostic: 0, total: 0, first: 'scenario did not run' }); }
}
if (flag === '--markdown') {
  console.log(`| scenario (${revision}) | required | checks passed | failed | failed only for want of the suite's own tools (test_*, task fixtures) |`);
  console.log('|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.name} | ${r.required ? 'yes' : ''} | ${r.pass}/${r.total} | ${r.real} | ${r.diagnostic} |`);
} else {
  for (const r of rows) {
    const verdict = r.real === 0 ? 'ok  ' : r.required ? 'FAIL' : 'miss';
    console.log(`${verdict} ${revision} ${r.name}: ${r.pass}/${r.total} passed${r.diagnostic ? `, ${r.diagnostic} need the suite's own tools` : ''}${r.real && r.first ? ` — ${r.first.slice(0, 160)}` : ''}`);
  }
  console.log(`${revision}: ${REQUIRED[revision].length - failed}/${REQUIRED[revision].length} required scenarios pass`);
}
process.exit(failed ? 1 : 0);
