// The test host: a page built on the Apps SDK's host side (AppBridge) that renders one view in a
// sandboxed iframe under the CSP the view's resource declares, as a chat host would. Tool calls
// from the view go to Node (window.hostCallTool), where a real MCP client talks to the server.
import { AppBridge, PostMessageTransport, type McpUiHostContext, type McpUiResourceCsp } from '@modelcontextprotocol/ext-apps/app-bridge';
import type { HostEvent, HostWindow } from './types.js';

declare global {
  // The page's globals are the ones the Node side calls (./types.ts).
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Window extends HostWindow {}
}

/** The policy a host derives from the resource's `_meta.ui.csp` (nothing else may load). */
function policy(csp: McpUiResourceCsp): string {
  const rd = (csp.resourceDomains ?? []).join(' ');
  const cd = (csp.connectDomains ?? []).join(' ') || "'none'";
  return [
    "default-src 'none'", `script-src 'unsafe-inline' ${rd}`, `style-src 'unsafe-inline' ${rd}`,
    `img-src data: blob: ${rd}`, `media-src data: blob: ${rd}`, `font-src data: ${rd}`,
    `connect-src ${cd}`, "frame-src 'none'", "base-uri 'none'", "form-action 'none'",
  ].join('; ');
}

window.hostEvents = [];
const record = (type: HostEvent['type'], params: unknown) => { window.hostEvents.push({ type, params }); };

window.openView = async (o) => {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.title = o.tool.name;
  frame.style.cssText = `width:${o.width}px;height:200px;border:1px solid #8884;border-radius:10px;display:block;`;
  document.body.style.background = o.theme === 'dark' ? '#0f0f12' : '#ffffff';
  document.body.append(frame);
  const hostContext: McpUiHostContext = {
    theme: o.theme, displayMode: 'inline', platform: 'web', locale: 'en-US',
    toolInfo: { tool: o.tool as never }, containerDimensions: { width: o.width, maxHeight: 2000 },
  };
  const bridge = new AppBridge(null, { name: 'heygen-mcp-test-host', version: '1' }, {
    openLinks: {}, downloadFile: {}, serverTools: {}, logging: {},
    message: { text: {} }, updateModelContext: { text: {}, structuredContent: {} },
  }, { hostContext });
  bridge.oncalltool = async (params) => {
    record('call', params);
    return window.hostCallTool(params) as never;
  };
  bridge.onmessage = async (params) => { record('message', params); return {}; };
  bridge.onupdatemodelcontext = async (params) => { record('context', params); return {}; };
  bridge.onopenlink = async (params) => { record('link', params); return {}; };
  bridge.ondownloadfile = async (params) => { record('download', params); return {}; };
  bridge.onloggingmessage = (params) => record('log', params);
  bridge.onsizechange = ({ height }) => { if (height) frame.style.height = `${Math.ceil(height) + 2}px`; };
  const initialized = new Promise<void>((resolve) => { bridge.oninitialized = () => resolve(); });
  await bridge.connect(new PostMessageTransport(frame.contentWindow!, frame.contentWindow!));
  // The document loads only once the bridge listens, so the view's ui/initialize is never lost.
  frame.srcdoc = o.html.replace('<head>', `<head><meta http-equiv="Content-Security-Policy" content="${policy(o.csp)}">`);
  await initialized;
  await bridge.sendToolInput({ arguments: o.args });
  window.sendResult = (result) => bridge.sendToolResult(result as never);
  window.setTheme = async (theme) => {
    document.body.style.background = theme === 'dark' ? '#0f0f12' : '#ffffff';
    await bridge.sendHostContextChange({ theme });
  };
};
