import { afterEach, describe, expect, it } from 'vitest';
import { connect, type Harness } from '../helpers/harness.js';

/** Tokens are estimated as characters / 4, the rule of thumb the budget was set in. */
const TOTAL_MAX_CHARS = 48_000;
const PER_TOOL_MAX_CHARS = 1_600;
const CATALOG_TOOLS = ['list_avatar_groups', 'get_avatar_group', 'list_avatar_looks', 'get_avatar_look', 'list_voices', 'get_voice'];

let h: Harness | undefined;
afterEach(async () => { await h?.close(); h = undefined; });

async function defaultTools() {
  h = await connect({ argv: [] });
  const { tools } = await h.client.listTools();
  return { tools, sizes: tools.map((t) => ({ name: t.name, chars: JSON.stringify(t).length })), total: JSON.stringify({ tools }).length };
}

describe('tools/list budget for the default toolsets', () => {
  it(`keeps every catalog tool under ${PER_TOOL_MAX_CHARS} chars (≈ 400 tokens)`, async () => {
    const { sizes } = await defaultTools();
    const mine = sizes.filter((s) => CATALOG_TOOLS.includes(s.name));
    expect(mine.map((s) => s.name).sort()).toEqual([...CATALOG_TOOLS].sort());
    for (const s of mine) expect(s.chars, s.name).toBeLessThanOrEqual(PER_TOOL_MAX_CHARS);
  });

  it(`stays within ${TOTAL_MAX_CHARS} chars (≈ 12k tokens) with no tool over ${PER_TOOL_MAX_CHARS} chars`, async () => {
    const { sizes, total } = await defaultTools();
    const over = sizes.filter((s) => s.chars > PER_TOOL_MAX_CHARS);
    expect(over, `tools over budget: ${over.map((o) => `${o.name}=${o.chars}`).join(', ')}`).toEqual([]);
    expect(total).toBeLessThanOrEqual(TOTAL_MAX_CHARS);
  });
});
