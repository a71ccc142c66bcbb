import type { Tool } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connect, type Harness } from '../helpers/harness.js';
import { pickLook } from '../videos/helpers.js';

/**
 * One paging convention for every list tool: `limit` (1–100, 25 by default) and `next_token` in,
 * `next_token` out only when another page exists. HeyGen's own ceilings and field names are the
 * client's business; these tests look at what HeyGen received.
 */
let h: Harness;
let tools: Tool[];
beforeAll(async () => {
  h = await connect({ argv: ['--toolsets', 'all'] });
  tools = (await h.client.listTools()).tools;
});
afterAll(async () => { await h.close(); });
beforeEach(() => { h.sim.clearRequests(); });

type Props = Record<string, Record<string, unknown>>;
const inputs = (t: Tool) => (t.inputSchema.properties ?? {}) as Props;
const outputs = (t: Tool) => ((t.outputSchema as { properties?: Props } | undefined)?.properties ?? {});
const gets = (path: string) => h.sim.apiRequests().filter((r) => r.method === 'GET' && r.path === path);

describe('one paging convention', () => {
  it('every paged tool takes the same limit and next_token and answers the same next_token; no other paging names exist', () => {
    const paged = tools.filter((t) => 'next_token' in inputs(t));
    expect(paged.map((t) => t.name).sort()).toEqual([
      'get_batch', 'list_ai_clippings', 'list_assets', 'list_avatar_groups', 'list_avatar_looks', 'list_background_removals',
      'list_brand_glossaries', 'list_brand_kits', 'list_lipsyncs', 'list_templates', 'list_video_agent_sessions',
      'list_video_agent_styles', 'list_video_translations', 'list_videos', 'list_voices', 'list_webhook_endpoints',
      'list_webhook_events', 'search_assets', 'search_sounds',
    ]);
    for (const t of paged) {
      expect(inputs(t).limit, t.name).toEqual({ type: 'integer', minimum: 1, maximum: 100, default: 25 });
      expect(inputs(t).next_token, t.name).toEqual({ type: 'string', maxLength: 2048, description: 'from the previous page' });
      expect(t.inputSchema.required ?? [], t.name).not.toContain('limit');
      expect(outputs(t).next_token, t.name).toEqual({ type: 'string' });
    }
    const other = /^(token|cursor|next_cursor|nextToken|nextCursor|page|page_token|has_more|offset)$/;
    for (const t of tools) {
      for (const k of [...Object.keys(inputs(t)), ...Object.keys(outputs(t))]) expect(k, `${t.name}.${k}`).not.toMatch(other);
      if ('limit' in inputs(t)) expect('next_token' in inputs(t), `${t.name} has limit without next_token`).toBe(true);
    }
  });

  it('a search HeyGen caps at 50 takes limit 100 like every list: HeyGen is asked for 50, and no limit means 25', async () => {
    await h.ok('search_sounds', { query: 'whoosh', type: 'sound_effects', min_score: 0, limit: 100 });
    expect(gets('/v3/audio/sounds')[0]?.query).toMatchObject({ limit: '50' });
    await h.ok('search_assets', { query: 'pizza', type: 'image' });
    expect(gets('/v3/assets/search')[0]?.query).toMatchObject({ limit: '25' });
    expect(await h.fails('search_assets', { query: 'pizza', type: 'image', limit: 101 })).toMatch(/^Invalid limit/);
  });

  it('avatar lists (HeyGen ceiling 50) are asked for at most 50 per page, whatever the tool was given', async () => {
    await h.ok('list_avatar_groups', { ownership: 'public', limit: 100 });
    expect(gets('/v3/avatars')[0]?.query).toMatchObject({ limit: '50' });
  });

  it('get_batch pages its items like any list, though HeyGen keeps that cursor inside data: 25 by default, next_token back in as token', async () => {
    const look = await pickLook(h);
    const videos = Array.from({ length: 27 }, (_, i) => ({ type: 'avatar', avatar_id: look.look_id, script: `Batch video ${i}.`, voice_id: look.default_voice_id }));
    const { batch_id } = await h.ok('create_video_batch', { videos });
    h.sim.clearRequests();
    const first = await h.ok('get_batch', { kind: 'video', batch_id });
    expect(first.items).toHaveLength(25);
    expect(first.next_token).toEqual(expect.any(String));
    expect(h.sim.apiRequests()[0]).toMatchObject({ method: 'GET', path: `/v3/videos/batches/${batch_id}`, query: { limit: '25' } });
    const rest = await h.ok('get_batch', { kind: 'video', batch_id, next_token: first.next_token });
    expect(rest.items.map((i: { index: number }) => i.index)).toEqual([25, 26]);
    expect(rest).not.toHaveProperty('next_token');
    expect(h.sim.apiRequests()[1]?.query).toMatchObject({ limit: '25', token: first.next_token });
  });

  it('list tools send the default page size when the caller gives none (HeyGen defaults differ per list)', async () => {
    for (const [tool, path] of [['list_videos', '/v3/videos'], ['list_lipsyncs', '/v3/lipsyncs'], ['list_video_agent_styles', '/v3/video-agents/styles']] as const) {
      await h.ok(tool, {});
      expect(gets(path)[0]?.query, tool).toMatchObject({ limit: '25' });
    }
  });
});
