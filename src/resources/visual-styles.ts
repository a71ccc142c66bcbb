import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import type { ServerDeps } from '../context.js';
import { completeStyle, findStyle, styleJson, VISUAL_STYLES } from '../promptkit/styles.js';

const INDEX_URI = 'heygen://visual-styles';
const uriOf = (slug: string) => `${INDEX_URI}/${slug}`;

/** The 20 named styles of the prompt method: an index and one resource per style. */
export function registerVisualStyleResources(server: McpServer, _deps: ServerDeps): void {
  server.registerResource('visual-styles', INDEX_URI, {
    title: 'Visual styles for Video Agent prompts',
    description: 'The 20 named styles: designer, mood, best uses. Read heygen://visual-styles/{name} for the full spec.',
    mimeType: 'application/json',
  }, async (uri) => ({
    contents: [{
      uri: uri.href,
      mimeType: 'application/json',
      text: JSON.stringify({
        styles: VISUAL_STYLES.map((s) => ({ name: s.name, slug: s.slug, designer: s.designer, mood: s.mood, best_for: s.bestFor, energy: s.energy, uri: uriOf(s.slug) })),
        how_to_use: 'Choose by the feeling the viewer should have, then paste the style_block of the chosen style into the STYLE section of the prompt.',
      }),
    }],
  }));

  server.registerResource('visual-style', new ResourceTemplate(`${INDEX_URI}/{name}`, {
    list: async () => ({
      resources: VISUAL_STYLES.map((s) => ({ uri: uriOf(s.slug), name: s.name, title: `${s.name} (${s.designer})`, description: `${s.mood}. Best for ${s.bestFor.join(', ')}.`, mimeType: 'application/json' })),
    }),
    complete: { name: (value) => completeStyle(value, 'slug') },
  }), {
    title: 'Visual style spec',
    description: 'Palette (hex), typography, motion, transitions and what to avoid for one named style, plus the block to paste into STYLE.',
    mimeType: 'application/json',
  }, async (uri, vars) => {
    const name = decodeURIComponent(String(vars.name ?? ''));
    const style = findStyle(name);
    if (!style) throw new McpError(ErrorCode.InvalidParams, `Unknown visual style "${name}". Read ${INDEX_URI} for the 20 names.`);
    return { contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(styleJson(style)) }] };
  });
}
