#!/usr/bin/env node
// The floor for the cold-start benchmark: the smallest useful SDK v2 server, one tool, served
// over stdio through the SDK's own entry for both protocol eras.
import { McpServer } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { z } from 'zod';

serveStdio(() => {
  const server = new McpServer({ name: 'bare', version: '0.0.0' });
  server.registerTool('echo', { description: 'Echo the text back.', inputSchema: z.object({ text: z.string() }) }, async ({ text }) => ({ content: [{ type: 'text', text }] }));
  return server;
});
process.stdin.on('end', () => process.exit(0));
