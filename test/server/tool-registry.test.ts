import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_TOOLS, ALL_TOOLS } from '../../src/tools/index.js';
import { connect } from '../helpers/harness.js';

const toolsDir = fileURLToPath(new URL('../../src/tools/', import.meta.url));
/** Every file that defines a tool (`export default defineTool(`), by path. */
const toolFiles = readdirSync(toolsDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(join(toolsDir, d.name)).map((f) => join(toolsDir, d.name, f)))
  .filter((p) => p.endsWith('.ts') && /export default defineTool\(/.test(readFileSync(p, 'utf8')));

/** What the checked-in tools/list snapshot says the server offers. */
const snapshotNames = (JSON.parse(readFileSync(new URL('../__snapshots__/tools-list.json', import.meta.url), 'utf8')) as { name: string }[]).map((t) => t.name);

describe('tool registry: nothing defined goes unregistered, nothing registered goes missing', () => {
  it('finds the tool files (a broken scan would make the next checks pass vacuously)', () => {
    expect(toolFiles.length).toBeGreaterThanOrEqual(snapshotNames.length);
  });

  // ACCOUNT_TOOLS are the tools only a signed-in person (team hosting) is offered.
  it.each(toolFiles.map((p) => [p.slice(toolsDir.length)]))('%s is in the registry (ALL_TOOLS or ACCOUNT_TOOLS)', async (rel) => {
    const mod = (await import(join(toolsDir, rel))) as { default: unknown };
    expect([...ALL_TOOLS, ...ACCOUNT_TOOLS]).toContain(mod.default);
  });

  it('--toolsets all lists exactly the snapshot\'s tools (a deleted or unregistered tool fails here, not skips elsewhere)', async () => {
    const h = await connect({ argv: ['--toolsets', 'all'] });
    try {
      expect((await h.client.listTools()).tools.map((t) => t.name).sort()).toEqual([...snapshotNames].sort());
    } finally { await h.close(); }
  });
});
