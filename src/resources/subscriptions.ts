import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ErrorCode, McpError, SubscribeRequestSchema, UnsubscribeRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import type { ServerDeps } from '../context.js';

/**
 * `resources/subscribe` for job resources (`heygen://videos/{id}` and the other kinds). The
 * shared poller in `deps.watcher` does the watching; this only connects one server to it. Other
 * `heygen://` resources never change while a session lives, so subscribing to them is accepted
 * and does nothing. Without a watcher (stateless HTTP) the capability is not offered.
 */
export function registerSubscriptions(server: McpServer, deps: ServerDeps): void {
  const watcher = deps.watcher;
  if (!watcher) return;
  server.server.registerCapabilities({ resources: { subscribe: true } });
  const sub = watcher.subscriber(deps.state.keyId, deps.heygen, (uri) => {
    server.server.sendResourceUpdated({ uri }).catch(() => undefined);
  });
  const checkUri = (uri: string) => {
    if (!uri.startsWith('heygen://')) throw new McpError(ErrorCode.InvalidParams, `Only heygen:// resources can be subscribed to, not "${uri.slice(0, 100)}".`);
  };
  server.server.setRequestHandler(SubscribeRequestSchema, (req) => {
    checkUri(req.params.uri);
    sub.subscribe(req.params.uri);
    return {};
  });
  server.server.setRequestHandler(UnsubscribeRequestSchema, (req) => {
    checkUri(req.params.uri);
    sub.unsubscribe(req.params.uri);
    return {};
  });
  const previous = server.server.onclose;
  server.server.onclose = () => {
    previous?.();
    sub.release();
  };
}
