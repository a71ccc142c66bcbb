import { inputRequired, inputResponse, type Server, type ServerContext, type Tool } from '@modelcontextprotocol/server';
import { DEFAULT_TOOLSETS, TOOLSET_SUMMARY, TOOLSETS, type Toolset } from '../config.js';
import { currentDeps, type ServerDeps } from '../context.js';
import { toolEntry } from './list-entry.js';
import { fileRoots } from '../uploads/roots.js';
import { NeedsInput, runTool, type AnyToolDef, type CallBinding } from './define.js';
import { clientCapabilitiesOf, noKeyYet } from './key-gate.js';
import myHeygenKey from './account/my-heygen-key.js';
import type { CallToolResult } from '@modelcontextprotocol/server';
import { notFound } from '../not-found.js';
import { accountTools } from './account/index.js';
import { assetsTools } from './assets/index.js';
import { batchTools } from './batch/index.js';
import { avatarsTools } from './avatars/index.js';
import { lipsyncTools } from './lipsync/index.js';
import { promptKitTools } from './prompt-kit/index.js';
import { studioExtrasTools } from './studio/index.js';
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
  ...studioExtrasTools,
  ...batchTools,
];

/** Toolsets and read-only mode are filters over the registry, nothing more. */
export function selectTools(toolsets: readonly Toolset[], readOnly: boolean, all: AnyToolDef[] = ALL_TOOLS): AnyToolDef[] {
  const chosen = (t: AnyToolDef) => toolsets.includes(t.toolset) && (!readOnly || t.kind === 'read');
  // A toolset that starts jobs (anything that spends credits) is of little use without a way to
  // follow them: wait_for_job comes along whichever toolset it is filed under.
  const startsJobs = all.some((t) => chosen(t) && t.spendsCredits);
  return all.filter((t) => chosen(t) || (startsJobs && t.name === 'wait_for_job'));
}

interface ToolTable {
  byName: Map<string, AnyToolDef>;
  list: Tool[];
  /** The 2025 list for a server that runs tasks: tools that can run as one say so (`execution.taskSupport`). */
  listWithTasks: Tool[];
}
const tables = new Map<string, ToolTable>();

/** Tools that exist only for signed-in people (hosted mode with sign-in), whatever the toolsets. */
export const ACCOUNT_TOOLS: AnyToolDef[] = [myHeygenKey];

/** The tools of one configuration with their finished tools/list entries, built once per process. */
export function toolTable(toolsets: readonly Toolset[], readOnly: boolean, signedIn = false): ToolTable {
  const key = `${signedIn ? 'user:' : ''}${readOnly ? 'ro:' : ''}${[...toolsets].sort().join(',')}`;
  let t = tables.get(key);
  if (!t) {
    const defs = [...selectTools(toolsets, readOnly), ...(signedIn ? ACCOUNT_TOOLS : [])];
    const list = defs.map(toolEntry);
    const listWithTasks = defs.map((d, i) => (d.task ? { ...list[i]!, execution: { taskSupport: 'optional' as const } } : list[i]!));
    // Aliases answer calls; the list names each tool once.
    t = { byName: new Map(defs.flatMap((d) => [d.name, ...(d.aliases ?? [])].map((n) => [n, d] as const))), list, listWithTasks };
    tables.set(key, t);
  }
  return t;
}

/**
 * Decides per call whether a tools/call becomes a task (`taskHook`, tasks/serve.ts). The server
 * hands it in: tasks/ sits above the tools, since a finished task is shaped by its tool.
 */
export type TaskHook = (server: Server, deps: ServerDeps, def: AnyToolDef, params: { task?: { ttl?: number } | undefined }, ctx: ServerContext) => CallBinding['asTask'];

/** Binds tools/list and tools/call to one server instance. */
export function bindTools(server: Server, deps: ServerDeps, taskHook: TaskHook): void {
  const t = toolTable(deps.config.enabledToolsets, deps.config.readOnly, deps.account !== undefined);
  // 2026-07-28 has no per-tool task flag (the server decides per call), so only 2025 lists carry it.
  const tools = deps.tasks && deps.era !== 'modern' ? t.listWithTasks : t.list;
  server.setRequestHandler('tools/list', () => ({ tools }));
  server.setRequestHandler('tools/call', async (request, ctx) => {
    const def = t.byName.get(request.params.name);
    if (!def) {
      const why = deps.config.readOnly && ALL_TOOLS.some((d) => d.name === request.params.name) ? 'This server runs --read-only, which leaves it out. ' : '';
      // An unknown tool is a protocol error (-32602), not a failed call.
      throw notFound({ tool: request.params.name }, `${why}tools/list names the tools this server offers.`);
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
    const result = await runTool(def, request.params.arguments, {
      deps: bound,
      mcp: ctx,
      clientCapabilities: caps,
      asTask: taskHook(server, bound, def, request.params, ctx),
      clientRoots: async () => {
        const answer = inputResponse(ctx.mcpReq.inputResponses, 'roots');
        if (answer.kind === 'roots') return fileRoots(answer.roots);
        if (!caps()?.roots) return [];
        throw new NeedsInput(inputRequired({ inputRequests: { roots: inputRequired.listRoots() } }));
      },
    });
    // A task-creation result is not a CallToolResult; the SDK passes it through as it is.
    return result as CallToolResult;
  });
}

/** The README toolsets table, generated from the registry so it cannot drift (scripts/options-table.mjs --write). */
export function toolsetsTable(all: AnyToolDef[] = ALL_TOOLS): string {
  const rows = TOOLSETS.map((set) => {
    const names = all.filter((t) => t.toolset === set).map((t) => `\`${t.name}\`${t.aliases?.length ? ` (also ${t.aliases.map((a) => `\`${a}\``).join(', ')})` : ''}`);
    return `| \`${set}\` | ${DEFAULT_TOOLSETS.includes(set) ? 'yes' : 'no'} | ${TOOLSET_SUMMARY[set]} | ${names.join(', ')} |`;
  });
  return ['| Toolset | Default | What it adds | Tools |', '|---|---|---|---|', ...rows].join('\n');
}
