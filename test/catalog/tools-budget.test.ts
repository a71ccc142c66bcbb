import { afterEach, describe, expect, it } from 'vitest';
import { connect, type Harness } from '../helpers/harness.js';

/**
 * tools/list is read into every conversation. Tokens are estimated as characters / 4. The
 * default toolsets stay at most 40 tools (several clients work best below that) and 12,000
 * tokens in all; no tool, in any toolset, costs more than 600 tokens.
 */
const DEFAULT_MAX_TOOLS = 40;
const TOTAL_MAX_CHARS = 48_000;
const PER_TOOL_MAX_CHARS = 2_400;

let h: Harness | undefined;
afterEach(async () => { await h?.close(); h = undefined; });

/** The MCP Apps links (`_meta.ui` on the view tools) count in the totals above, and have a cap of their own. */
const VIEW_LINKS_MAX_CHARS = 700;

async function sizes(argv: string[]) {
  h = await connect({ argv });
  const { tools } = await h.client.listTools();
  const total = JSON.stringify({ tools }).length;
  const withoutMeta = JSON.stringify({ tools: tools.map(({ _meta: _m, ...rest }) => rest) }).length;
  return { sizes: tools.map((t) => ({ name: t.name, chars: JSON.stringify(t).length })), total, links: total - withoutMeta };
}

describe('tools/list budget', () => {
  it(`default toolsets: ≤ ${DEFAULT_MAX_TOOLS} tools and ≤ ${TOTAL_MAX_CHARS} chars (≈ 12k tokens) in all`, async () => {
    const { sizes: list, total } = await sizes([]);
    expect(list.length).toBeLessThanOrEqual(DEFAULT_MAX_TOOLS);
    expect(total).toBeLessThanOrEqual(TOTAL_MAX_CHARS);
  });

  it(`the MCP Apps view links add ≤ ${VIEW_LINKS_MAX_CHARS} chars to the whole list`, async () => {
    const { links } = await sizes(['--toolsets', 'all']);
    expect(links).toBeGreaterThan(0);
    expect(links).toBeLessThanOrEqual(VIEW_LINKS_MAX_CHARS);
  });

  it(`every tool of every toolset ≤ ${PER_TOOL_MAX_CHARS} chars (≈ 600 tokens)`, async () => {
    const { sizes: all } = await sizes(['--toolsets', 'all']);
    const over = all.filter((s) => s.chars > PER_TOOL_MAX_CHARS);
    expect(over.map((o) => `${o.name}=${o.chars}`)).toEqual([]);
  });
});
