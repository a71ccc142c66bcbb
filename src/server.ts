import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ServerDeps } from './context.js';
import { INSTRUCTIONS } from './instructions.js';
import { registerPrompts } from './prompts/index.js';
import { registerResources } from './resources/index.js';
import { registerTool } from './tools/define.js';
import { selectTools } from './tools/index.js';
import { compactToolList } from './tool-list.js';
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
  compactToolList(server, tools.map((t) => t.name));
  return server;
}
