import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, textOf, type Harness } from '../helpers/harness.js';

let h: Harness;
beforeAll(async () => { h = await connect({ argv: ['--toolsets', 'all'] }); });
afterAll(async () => { await h.close(); });

function nested(levels: number, leaf: unknown = 'x', wrap: (v: unknown) => unknown = (v) => ({ d: v })): unknown {
  let v = leaf;
  for (let i = 0; i < levels; i++) v = wrap(v);
  return v;
}

describe('arguments checked before schema parsing', () => {
  it.each([
    ['an unknown argument (list_videos.notes)', 'list_videos', 'notes', nested(10_000)],
    ['a string argument (validate_video_agent_prompt.prompt)', 'validate_video_agent_prompt', 'prompt', nested(10_000)],
    ['arrays in arrays (list_videos.notes)', 'list_videos', 'notes', nested(10_000, 1, (v) => [v])],
  ])('a 10,000-level value in %s → isError naming the argument and the 32-level limit, 0 upstream requests', async (_label, tool, arg, value) => {
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

  it('a top-level __proto__ argument → refused by name, 0 upstream requests', async () => {
    h.sim.clearRequests();
    const r = await h.call('list_videos', JSON.parse('{"__proto__":{"limit":1}}') as Record<string, unknown>);
    expect(r.isError).toBe(true);
    expect(textOf(r)).toMatch(/__proto__/);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });
});
