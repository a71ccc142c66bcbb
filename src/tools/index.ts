import { CLIENT_CAPABILITIES_META_KEY, inputRequired, ProtocolError, ProtocolErrorCode, inputResponse, type CallToolResult, type ClientCapabilities, type Server, type Tool } from '@modelcontextprotocol/server';
import type { Toolset } from '../config.js';
import type { ServerDeps } from '../context.js';
import { toolEntry } from '../tool-list.js';
import { fileRoots } from '../uploads/roots.js';
import { NeedsInput, runTool, type AnyToolDef } from './define.js';
import { taskHook } from '../tasks/serve.js';
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

interface ToolTable {
  byName: Map<string, AnyToolDef>;
  list: Tool[];
  /** The 2025 list for a server that runs tasks: tools that can run as one say so (`execution.taskSupport`). */
  listWithTasks: Tool[];
}
const tables = new Map<string, ToolTable>();

/** The tools of one configuration with their finished tools/list entries, built once per process. */
export function toolTable(toolsets: readonly Toolset[], readOnly: boolean): ToolTable {
  const key = `${readOnly ? 'ro:' : ''}${[...toolsets].sort().join(',')}`;
  let t = tables.get(key);
  if (!t) {
    const defs = selectTools(toolsets, readOnly);
    const list = defs.map(toolEntry);
    const listWithTasks = defs.map((d, i) => (d.task ? { ...list[i]!, execution: { taskSupport: 'optional' as const } } : list[i]!));
    t = { byName: new Map(defs.map((d) => [d.name, d])), list, listWithTasks };
    tables.set(key, t);
  }
  return t;
}

/** Binds tools/list and tools/call to one server instance. */
export function bindTools(server: Server, deps: ServerDeps): void {
  const t = toolTable(deps.config.enabledToolsets, deps.config.readOnly);
  // 2026-07-28 has no per-tool task flag (the server decides per call), so only 2025 lists carry it.
  const tools = deps.tasks && deps.era !== 'modern' ? t.listWithTasks : t.list;
  server.setRequestHandler('tools/list', () => ({ tools }));
  server.setRequestHandler('tools/call', async (request, ctx) => {
    const def = t.byName.get(request.params.name);
    if (!def) {
      const why = deps.config.readOnly && ALL_TOOLS.some((d) => d.name === request.params.name) ? ' (this server runs --read-only)' : '';
      // An unknown tool is a protocol error (-32602), not a failed call.
      throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Unknown tool "${request.params.name.slice(0, 100)}"${why}. tools/list names the tools this server offers.`);
    }
    const result = await runTool(def, request.params.arguments, {
      deps,
      mcp: ctx,
      asTask: taskHook(server, deps, def, request.params, ctx),
      clientRoots: async () => {
        const answer = inputResponse(ctx.mcpReq.inputResponses, 'roots');
        if (answer.kind === 'roots') return fileRoots(answer.roots);
        const caps = deps.era === 'modern'
          ? (ctx.mcpReq.envelope as Record<string, ClientCapabilities | undefined> | undefined)?.[CLIENT_CAPABILITIES_META_KEY]
          : server.getClientCapabilities();
        if (!caps?.roots) return [];
        throw new NeedsInput(inputRequired({ inputRequests: { roots: inputRequired.listRoots() } }));
      },
    });
    // A task-creation result is not a CallToolResult; the SDK passes it through as it is.
    return result as CallToolResult;
  });
}
