import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Logger } from '../log.js';

/**
 * Serves one server over stdin/stdout. The SDK's transport does not notice the client going
 * away, so stdin EOF and SIGTERM/SIGINT end the process here, after closing the server.
 */
export async function serveStdio(server: McpServer, log: Logger, onClose: () => Promise<void>): Promise<void> {
  const transport = new StdioServerTransport();
  let closing = false;
  const shutdown = async (why: string) => {
    if (closing) return;
    closing = true;
    log.info(`shutting down (${why})`);
    const force = setTimeout(() => process.exit(0), 1_500);
    force.unref();
    try {
      await server.close();
      await onClose();
    } catch (err) {
      log.warn('error while shutting down', { error: err });
    }
    process.exit(0);
  };
  process.stdin.on('end', () => void shutdown('stdin closed'));
  process.stdin.on('close', () => void shutdown('stdin closed'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  await server.connect(transport);
  // The transport also closes on its own, e.g. after a line over its 10 MB buffer cap; from then
  // on stdin is no longer read, so staying alive would only leave a deaf process behind.
  server.server.onclose = () => void shutdown('transport closed');
  log.info('heygen-mcp ready on stdio');
}
