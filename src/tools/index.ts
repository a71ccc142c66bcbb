import { inputRequired, ProtocolError, ProtocolErrorCode, inputResponse, type Server, type Tool } from '@modelcontextprotocol/server';
import type { Toolset } from '../config.js';
import { currentDeps, type ServerDeps } from '../context.js';
import { toolEntry } from '../tool-list.js';
import { fileRoots } from '../uploads/roots.js';
import { NeedsInput, runTool, type AnyToolDef } from './define.js';
import { clientCapabilitiesOf, noKeyYet } from './key-gate.js';
import myHeygenKey from './account/my-heygen-key.js';
import { accountTools } from './account/index.js';
import { assetsTools } from './assets/index.js';
import { avatarsTools } from './avatars/index.js';
import { lipsyncTools } from './lipsync/index.js';
import { promptKitTools } from './prompt-kit/index.js';
import { templatesTools } from './templates/index.js';
import { translationTools } from './translation/index.js';
import { videoAgentTools } from './video-agent/index.js';
import { videosTools } from './videos/index.js';
import { voicesTools } from './voices/index.js';
import { webhooksTools } from './webhooks/index.js';

/** The registry: the only list of tools. Order here is the order of tools/list. */
export const ALL_TOOLS: AnyToolDef[] = [
  ...videoAgentTools,
  ...videosTools,
  ...avatarsTools,
  ...voicesTools,
  ...assetsTools,
  ...accountTools,
  ...promptKitTools,
  ...templatesTools,
  ...translationTools,
  ...webhooksTools,
  ...lipsyncTools,
];

/** Toolsets and read-only mode are filters over the registry, nothing more. */
export function selectTools(toolsets: readonly Toolset[], readOnly: boolean, all: AnyToolDef[] = ALL_TOOLS): AnyToolDef[] {
  return all.filter((t) => toolsets.includes(t.toolset) && (!readOnly || t.kind === 'read'));
}

interface ToolTable { byName: Map<string, AnyToolDef>; list: Tool[] }
const tables = new Map<string, ToolTable>();

/** Tools that exist only for signed-in people (hosted mode with sign-in), whatever the toolsets. */
export const ACCOUNT_TOOLS: AnyToolDef[] = [myHeygenKey];

/** The tools of one configuration with their finished tools/list entries, built once per process. */
export function toolTable(toolsets: readonly Toolset[], readOnly: boolean, signedIn = false): ToolTable {
  const key = `${signedIn ? 'user:' : ''}${readOnly ? 'ro:' : ''}${[...toolsets].sort().join(',')}`;
  let t = tables.get(key);
  if (!t) {
    const defs = [...selectTools(toolsets, readOnly), ...(signedIn ? ACCOUNT_TOOLS : [])];
    t = { byName: new Map(defs.map((d) => [d.name, d])), list: defs.map(toolEntry) };
    tables.set(key, t);
  }
  return t;
}

/** Binds tools/list and tools/call to one server instance. */
export function bindTools(server: Server, deps: ServerDeps): void {
  const t = toolTable(deps.config.enabledToolsets, deps.config.readOnly, deps.account !== undefined);
  server.setRequestHandler('tools/list', () => ({ tools: t.list }));
  server.setRequestHandler('tools/call', async (request, ctx) => {
    const def = t.byName.get(request.params.name);
    if (!def) {
      const why = deps.config.readOnly && ALL_TOOLS.some((d) => d.name === request.params.name) ? ' (this server runs --read-only)' : '';
      // An unknown tool is a protocol error (-32602), not a failed call.
      throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Unknown tool "${request.params.name.slice(0, 100)}"${why}. tools/list names the tools this server offers.`);
    }
    const caps = () => clientCapabilitiesOf(server, deps, ctx);
    let bound = deps;
    if (deps.account && !def.local) {
      // A signed-in person's key is looked up for every call: it may have been saved (or
      // replaced) on the key page since this instance was made.
      const current = await currentDeps(deps);
      if (!current) return noKeyYet(ctx, caps(), deps.account);
      bound = current;
    }
    return runTool(def, request.params.arguments, {
      deps: bound,
      mcp: ctx,
      clientCapabilities: caps,
      clientRoots: async () => {
        const answer = inputResponse(ctx.mcpReq.inputResponses, 'roots');
        if (answer.kind === 'roots') return fileRoots(answer.roots);
        if (!caps()?.roots) return [];
        throw new NeedsInput(inputRequired({ inputRequests: { roots: inputRequired.listRoots() } }));
      },
    });
  });
}
