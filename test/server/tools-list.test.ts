import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_TOOLSETS, TOOLSETS } from '../../src/config.js';
import { annotationsFor } from '../../src/tools/define.js';
import { ALL_TOOLS, selectTools } from '../../src/tools/index.js';
import { connect, type Harness } from '../helpers/harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('tools/list', () => {
  it('matches the checked-in snapshot (every name, description and schema shows in review)', async () => {
    // As served: tasks on, a 2026-07-28 client (which gets no per-tool task flag).
    h = await connect({ argv: ['--toolsets', 'all'], era: 'modern', tasks: true });
    const { tools } = await h.client.listTools();
    await expect(JSON.stringify(tools, null, 2) + '\n').toMatchFileSnapshot('../__snapshots__/tools-list.json');
  });

  it('2025 clients see the same entries, plus execution.taskSupport "optional" on the tools that can run as tasks', async () => {
    const modern = await connect({ argv: ['--toolsets', 'all'], era: 'modern', tasks: true });
    const { tools: plain } = await modern.client.listTools();
    await modern.close();
    h = await connect({ argv: ['--toolsets', 'all'], era: 'legacy', tasks: true });
    const { tools } = await h.client.listTools();
    expect(tools.filter((t) => t.execution).map((t) => t.name).sort()).toEqual([
      'clone_voice', 'create_avatar_video', 'create_cinematic_video', 'create_digital_twin', 'create_lipsync', 'create_photo_avatar',
      'create_prompt_avatar', 'create_studio_video', 'create_translation_proofread', 'create_video_agent', 'create_video_from_image',
      'create_video_from_template', 'create_video_translation', 'generate_from_proofread', 'wait_for_job',
    ]);
    for (const t of tools) if (t.execution) expect(t.execution, t.name).toEqual({ taskSupport: 'optional' });
    expect(tools.map(({ execution: _e, ...rest }) => rest)).toEqual(plain);
  });

  it('tool names are unique, snake_case, and descriptions ≤ 200 characters', () => {
    const names = ALL_TOOLS.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    for (const t of ALL_TOOLS) {
      expect(t.name).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(t.description.length, t.name).toBeLessThanOrEqual(200);
    }
  });

  it('credit spenders say so and carry the spending annotations', () => {
    for (const t of ALL_TOOLS.filter((x) => x.spendsCredits)) {
      expect(t.description, t.name).toContain('Spends HeyGen credits.');
      expect(annotationsFor(t), t.name).toMatchObject({ readOnlyHint: false, idempotentHint: false, openWorldHint: true });
    }
    for (const t of ALL_TOOLS.filter((x) => x.kind === 'delete')) expect(annotationsFor(t).destructiveHint, t.name).toBe(true);
  });

  it('--toolsets account exposes only get_account', async () => {
    h = await connect({ argv: ['--toolsets', 'account'] });
    const { tools } = await h.client.listTools();
    expect(tools.map((t) => t.name)).toEqual(['get_account']);
  });

  it('--read-only registers only tools with readOnlyHint true', async () => {
    h = await connect({ argv: ['--toolsets', 'all', '--read-only'] });
    const { tools } = await h.client.listTools();
    expect(tools.length).toBeGreaterThan(0);
    for (const t of tools) expect(t.annotations?.readOnlyHint, t.name).toBe(true);
    expect(tools.length).toBe(selectTools([...new Set(ALL_TOOLS.map((t) => t.toolset))], true).length);
  });

  it('the default set leaves webhooks and lipsync out, and holds no delete tool', () => {
    const tools = selectTools(DEFAULT_TOOLSETS, false);
    expect(tools.map((t) => t.toolset)).not.toContain('webhooks');
    expect(tools.map((t) => t.toolset)).not.toContain('lipsync');
    expect(tools.filter((t) => t.kind === 'delete').map((t) => t.name)).toEqual([]);
  });

  it('every tool is one --toolsets away, and the instructions name every toolset that is off', async () => {
    h = await connect({ argv: [] });
    const text = h.client.getInstructions() ?? '';
    for (const set of TOOLSETS.filter((t) => !DEFAULT_TOOLSETS.includes(t))) expect(text, set).toContain(`${set} (`);
    expect(text).toMatch(/--toolsets default,<name>/);
    for (const set of TOOLSETS) expect(ALL_TOOLS.some((t) => t.toolset === set), set).toBe(true);
  });

  it('an alias answers calls but is not listed: list_translation_languages is list_video_translation_languages', async () => {
    h = await connect();
    const { tools } = await h.client.listTools();
    expect(tools.map((t) => t.name)).toContain('list_video_translation_languages');
    expect(tools.map((t) => t.name)).not.toContain('list_translation_languages');
    expect(await h.ok('list_translation_languages', { query: 'german' })).toEqual(await h.ok('list_video_translation_languages', { query: 'german' }));
    const aliases = ALL_TOOLS.flatMap((t) => t.aliases ?? []);
    for (const a of aliases) expect(ALL_TOOLS.map((t) => t.name)).not.toContain(a);
  });

  it('an unknown tool is a protocol error (-32602) naming it; unknown arguments are ignored', async () => {
    h = await connect();
    const err = await h.call('no_such_tool').then(() => undefined, (e: { code?: number; message?: string }) => e);
    expect(err?.code).toBe(-32602);
    expect(err?.message).toMatch(/Tool not found: "no_such_tool"/);
    const r2 = await h.call('get_account', { surprise: 1 });
    expect(r2.isError ?? false).toBe(false);
  });

  it('server instructions describe the workflow once', async () => {
    h = await connect();
    expect(h.client.getInstructions()).toMatch(/create_video_agent/);
    expect(h.client.getServerVersion()?.name).toBe('heygen-mcp');
  });
});

describe('wait_for_job follows the job-starting toolsets', () => {
  it.each(['lipsync', 'translation', 'studio_extras', 'batch'])('--toolsets %s lists wait_for_job beside its creates', async (set) => {
    const { selectTools } = await import('../../src/tools/index.js');
    const names = selectTools([set as never], false).map((t) => t.name);
    expect(names).toContain('wait_for_job');
  });

  it('--toolsets account (nothing that starts a job) does not', async () => {
    const { selectTools } = await import('../../src/tools/index.js');
    expect(selectTools(['account'], false).map((t) => t.name)).toEqual(['get_account']);
  });
});
