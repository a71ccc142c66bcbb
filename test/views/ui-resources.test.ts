import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESOURCE_MIME_TYPE, RESOURCE_URI_META_KEY } from '@modelcontextprotocol/ext-apps/server';
import { ALL_TOOLS } from '../../src/tools/index.js';
import { connect, ERAS, type Harness } from '../helpers/harness.js';

const VIEW_TOOLS: Record<string, string> = {
  wait_for_job: 'ui://heygen/render.html',
  get_video: 'ui://heygen/render.html',
  list_avatar_looks: 'ui://heygen/picker.html',
  list_avatar_groups: 'ui://heygen/picker.html',
  list_voices: 'ui://heygen/picker.html',
  validate_video_agent_prompt: 'ui://heygen/prompt-check.html',
};

describe.each(ERAS)('MCP Apps views as resources (%s client)', (era) => {
  let h: Harness;
  beforeAll(async () => { h = await connect({ era }); });
  afterAll(async () => { await h.close(); });

  it('tools/list links exactly the view tools to their ui:// resource, as registerAppTool would', async () => {
    const { tools } = await h.client.listTools();
    const linked = Object.fromEntries(tools.filter((t) => t._meta?.ui).map((t) => [t.name, (t._meta!.ui as { resourceUri: string }).resourceUri]));
    expect(linked).toEqual(VIEW_TOOLS);
    for (const t of tools.filter((x) => x._meta?.ui)) expect(t._meta![RESOURCE_URI_META_KEY]).toBe(VIEW_TOOLS[t.name]);
    expect(ALL_TOOLS.filter((t) => t.view).map((t) => t.name).sort()).toEqual(Object.keys(VIEW_TOOLS).sort());
  });

  it('each ui:// resource is listed and reads as one self-contained text/html;profile=mcp-app document under 500 KB, with its CSP', async () => {
    const { resources } = await h.client.listResources();
    const views = resources.filter((r) => r.uri.startsWith('ui://'));
    expect(views.map((r) => r.uri).sort()).toEqual([...new Set(Object.values(VIEW_TOOLS))].sort());
    for (const r of views) {
      expect(r.mimeType).toBe(RESOURCE_MIME_TYPE);
      const read = await h.client.readResource({ uri: r.uri });
      const c = read.contents[0] as { uri: string; mimeType: string; text: string; _meta?: { ui?: { csp?: { resourceDomains?: string[]; connectDomains?: string[] } } } };
      expect(c.mimeType).toBe('text/html;profile=mcp-app');
      expect(c.uri).toBe(r.uri);
      expect(Buffer.byteLength(c.text)).toBeLessThan(500_000);
      expect(c.text.startsWith('<!doctype html>')).toBe(true);
      // Self-contained: no external script, stylesheet, font or import; code and style are inline.
      expect(c.text).not.toMatch(/<script[^>]+src=|<link[\s>]|@import/i);
      for (const css of c.text.match(/<style>[^]*?<\/style>/g) ?? []) expect(css).not.toMatch(/url\(\s*['"]?(https?:)?\/\//i);
      expect(c.text).toMatch(/<script>[^]+<\/script>/);
      expect(c._meta?.ui?.csp?.resourceDomains).toEqual(['https://*.heygen.ai', 'https://*.heygen.com', new URL(h.sim.baseUrl).origin]);
      expect(c._meta?.ui?.csp?.connectDomains).toEqual([]);
    }
  });

  it('a client without Apps gets the same results from view tools: JSON text plus structured content, nothing for views', async () => {
    const r = await h.call('validate_video_agent_prompt', { prompt: 'FORMAT: 30 seconds.' });
    // (2026-07-28 results carry the server's info in _meta; nothing else is added.)
    expect(Object.keys(r._meta ?? {}).filter((k) => k !== 'io.modelcontextprotocol/serverInfo')).toEqual([]);
    expect(JSON.parse((r.content[0] as { text: string }).text)).toEqual(r.structuredContent);
    const looks = await h.call('list_avatar_looks', { limit: 2 });
    expect(Object.keys(looks._meta ?? {}).filter((k) => k !== 'io.modelcontextprotocol/serverInfo')).toEqual([]);
    expect(Object.keys(looks.structuredContent as object).sort()).toEqual(['looks', 'next_token']);
    expect(JSON.stringify(looks)).not.toContain('ui://');
  });
});
