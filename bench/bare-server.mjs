#!/usr/bin/env node
// The floor for the cold-start benchmark: the smallest useful SDK server, one tool, over stdio.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';

const server = new McpServer({ name: 'bare', version: '0.0.0' });
server.registerTool('echo', { description: 'Echo the text back.', inputSchema: { text: z.string() } }, async ({ text }) => ({ content: [{ type: 'text', text }] }));
process.stdin.on('end', () => process.exit(0));
await server.connect(new StdioServerTransport());
