import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, DEFAULT_ERA, textOf, type Harness } from '../helpers/harness.js';

let h: Harness;
beforeAll(async () => { h = await connect({ argv: ['--toolsets', 'all'] }); });
afterAll(async () => { await h.close(); });

function nested(levels: number, leaf: unknown = 'x', wrap: (v: unknown) => unknown = (v) => ({ d: v })): unknown {
  let v = leaf;
  for (let i = 0; i < levels; i++) v = wrap(v);
  return v;
}

// The v2 client's HTTP transport cannot itself serialize 10,000 levels (its JSON.stringify
// overflows first), so a 2026-07-28 client sends 1,000; either is far past the limit of 32.
const DEEP = DEFAULT_ERA === 'modern' ? 1_000 : 10_000;

describe('arguments checked before schema parsing', () => {
  it.each([
    ['an unknown argument (list_videos.notes)', 'list_videos', 'notes', nested(DEEP)],
    ['a string argument (validate_video_agent_prompt.prompt)', 'validate_video_agent_prompt', 'prompt', nested(DEEP)],
    ['arrays in arrays (list_videos.notes)', 'list_videos', 'notes', nested(DEEP, 1, (v) => [v])],
  ])('a value 1,000+ levels deep in %s → isError naming the argument and the 32-level limit, 0 upstream requests', async (_label, tool, arg, value) => {
    h.sim.clearRequests();
    const r = await h.call(tool, { [arg]: value });
    expect(r.isError).toBe(true);
    expect(textOf(r)).toBe(`Invalid ${arg}: nested more than 32 levels deep. Send a flatter value.`);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });

  it('nesting up to 32 levels is left to the schemas (no refusal for depth)', async () => {
    const r = await h.call('list_videos', { notes: nested(31) });
    expect(textOf(r)).not.toMatch(/nested more than/);
  });

  it('a __proto__ template variable (as JSON.parse makes it) → refused by name, not dropped: 0 upstream requests', async () => {
    h.sim.clearRequests();
    const variables = JSON.parse('{"name":"Ada","__proto__":"x"}') as Record<string, string>;
    const r = await h.call('create_video_from_template', { template_id: 'tpl_any', variables });
    expect(r.isError).toBe(true);
    expect(textOf(r)).toMatch(/^Invalid variables\.__proto__: /);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });

  // A top-level own "__proto__" key is dropped by the SDK's own params parsing before any tool
  // code runs (in both eras): it can neither pollute nor be half-applied.
  it('a top-level __proto__ argument never reaches the tool: the call acts on the named arguments only', async () => {
    h.sim.clearRequests();
    const r = await h.call('list_videos', JSON.parse('{"__proto__":{"limit":1}}') as Record<string, unknown>);
    expect(r.isError ?? false).toBe(false);
    const sent = h.sim.apiRequests();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.query.limit).not.toBe('1');
    expect(({} as Record<string, unknown>).limit).toBeUndefined();
  });
});
