import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OPTIONS, optionsTable } from '../../src/config.js';
import { ALL_TOOLS, toolsetsTable } from '../../src/tools/index.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('options table matches the configuration contract (run scripts/options-table.mjs --write)', () => {
    const m = /<!-- options:start -->\n([\s\S]*)\n<!-- options:end -->/.exec(readme);
    expect(m?.[1]).toBe(optionsTable());
  });

  it('toolsets table matches the registry (run scripts/options-table.mjs --write)', () => {
    const m = /<!-- toolsets:start -->\n([\s\S]*)\n<!-- toolsets:end -->/.exec(readme);
    expect(m?.[1]).toBe(toolsetsTable());
  });

  it('names every environment variable and every tool', () => {
    for (const o of OPTIONS) expect(readme).toContain(o.env);
    for (const t of ALL_TOOLS) expect(readme, t.name).toContain(`\`${t.name}\``);
  });

  it('states the two commands', () => {
    expect(readme).toContain('npm install && npm run demo');
    expect(readme).toContain('npm test');
  });
});
