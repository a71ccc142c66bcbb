import { existsSync, readFileSync } from 'node:fs';
import { ProtocolError, ProtocolErrorCode } from '@modelcontextprotocol/server';
import type { ServerDeps } from '../context.js';
import { defineResource, type ResourceDef } from './define.js';

/**
 * MCP Apps views (the `io.modelcontextprotocol/ui` extension): single-file HTML apps the build
 * bundles from `views/` into `dist/views/`. A host that renders Apps reads one of these when a
 * tool entry names it in `_meta.ui.resourceUri`; a host without Apps never asks for them.
 */
export const VIEW_MIME_TYPE = 'text/html;profile=mcp-app';

export const VIEWS = {
  render: 'ui://heygen/render.html',
  picker: 'ui://heygen/picker.html',
  prompt: 'ui://heygen/prompt-check.html',
} as const;
export type ViewName = keyof typeof VIEWS;

/**
 * Where HeyGen serves media (video files, previews, captions): files*.heygen.ai,
 * resource*.heygen.ai and their heygen.com twins. The views load media from there and nothing
 * else; every other request goes through the host to this server.
 */
const HEYGEN_MEDIA = ['https://*.heygen.ai', 'https://*.heygen.com'];
const HEYGEN_API = 'https://api.heygen.com';

/**
 * The view's Content Security Policy as the Apps spec declares it. When the server talks to
 * another API base (the built-in simulator, a proxy), media URLs come from that origin, so it
 * is allowed too.
 */
export function viewCsp(deps: ServerDeps): { resourceDomains: string[]; connectDomains: string[] } {
  const domains = [...HEYGEN_MEDIA];
  const origin = new URL(deps.heygen.http.baseUrl).origin;
  if (origin !== HEYGEN_API) domains.push(origin);
  // connect-src stays empty: views never fetch; tools run through the host.
  return { resourceDomains: domains, connectDomains: [] };
}

const html = new Map<ViewName, string>();

/** The bundled HTML, read once per process: next to the compiled module, or in dist/ when running from sources. */
function viewHtml(name: ViewName): string {
  let text = html.get(name);
  if (text === undefined) {
    const file = [new URL(`../views/${name}.html`, import.meta.url), new URL(`../../dist/views/${name}.html`, import.meta.url)].find((u) => existsSync(u));
    if (!file) throw new ProtocolError(ProtocolErrorCode.InternalError, `The ${name} view was not built (npm run build bundles views/ into dist/views/).`);
    text = readFileSync(file, 'utf8');
    html.set(name, text);
  }
  return text;
}

const FOREVER = () => 24 * 60 * 60_000;

function view(name: ViewName, title: string, description: string): ResourceDef {
  return defineResource({
    name: `view-${name}`, uri: VIEWS[name], mimeType: VIEW_MIME_TYPE, ttlMs: FOREVER, title, description,
    read: async (uri, _vars, call) => ({
      contents: [{
        uri: uri.href,
        mimeType: VIEW_MIME_TYPE,
        text: viewHtml(name),
        _meta: { ui: { csp: viewCsp(call.deps), prefersBorder: true } },
      }],
    }),
  });
}

export const VIEW_RESOURCES: ResourceDef[] = [
  view('render', 'Render view', 'MCP Apps view for wait_for_job and get_video: live render progress, then the player with download, share and translate.'),
  view('picker', 'Avatar and voice picker', 'MCP Apps view for the avatar and voice lists: previews, filters, paging; a pick tells the model the chosen id.'),
  view('prompt', 'Prompt check view', 'MCP Apps view for validate_video_agent_prompt: findings inline per scene, timing per scene, the style swatch.'),
];
