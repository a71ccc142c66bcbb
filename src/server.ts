import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ServerDeps } from './context.js';
import { INSTRUCTIONS } from './instructions.js';
import { registerPrompts } from './prompts/index.js';
import { registerResources } from './resources/index.js';
import { registerTool } from './tools/define.js';
import { selectTools } from './tools/index.js';
import { VERSION } from './version.js';

/**
 * Builds a complete MCP server from its dependencies. Pure: no environment, no I/O at build
 * time. One per stdio run, one per HTTP session, one per test.
 */
export function createServer(deps: ServerDeps): McpServer {
  const server = new McpServer(
    { name: 'heygen-mcp', title: 'HeyGen', version: deps.version ?? VERSION },
    {
      instructions: INSTRUCTIONS,
      capabilities: { logging: {}, resources: { listChanged: true }, prompts: {}, tools: {} },
    },
  );
  const tools = selectTools(deps.config.enabledToolsets, deps.config.readOnly);
  for (const def of tools) registerTool(server, def, deps);
  registerResources(server, deps);
  registerPrompts(server, deps);
  compactToolList(server, tools.map((t) => t.name).join(','));
  return server;
}

const listCache = new Map<string, unknown>();

/**
 * tools/list is read into every conversation, so every character costs the agent context. The
 * SDK stamps each schema with a `$schema` URL and each tool with `execution: {taskSupport:
 * 'forbidden'}` (the protocol's default anyway); dropping them saves ~9 % of the list. The SDK
 * offers no hook for this, so the registered handler is wrapped; if its internals change, the
 * list is simply served unwrapped (the tools/list snapshot test would show it).
 */
function compactToolList(server: McpServer, names: string): void {
  const handlers = (server.server as unknown as { _requestHandlers?: Map<string, (req: unknown, extra: unknown) => Promise<unknown>> })._requestHandlers;
  const original = handlers?.get('tools/list');
  if (!handlers || !original) return;
  handlers.set('tools/list', async (req, extra) => {
    // Converting ~60 zod schemas to JSON Schema is most of a new session's CPU; the list only
    // depends on which tools are registered, so it is computed once per process and tool set.
    const cached = listCache.get(names);
    if (cached) return cached;
    const result = (await original(req, extra)) as { tools: Array<Record<string, unknown>> };
    listCache.set(names, result);
    for (const tool of result.tools) {
      delete tool.execution;
      for (const key of ['inputSchema', 'outputSchema']) {
        const schema = tool[key] as Record<string, unknown> | undefined;
        if (schema) delete schema.$schema;
      }
    }
    return result;
  });
}
