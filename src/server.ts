import { ProtocolError, ProtocolErrorCode, Server, type CacheHint, type ServerCapabilities } from '@modelcontextprotocol/server';
import { bindCompletion } from './completion.js';
import { currentDeps, type ServerDeps } from './context.js';
import { INSTRUCTIONS } from './instructions.js';
import { bindPrompts } from './prompts/index.js';
import { bindResources } from './resources/index.js';
import { attachSkills, loadSkills } from './resources/skills.js';
import { bindTools } from './tools/index.js';
import { bindTasks, TaskCreated, taskHook } from './tasks/serve.js';
import { TASKS_EXTENSION_ID_V2 } from '@modelcontextprotocol/ext-tasks/core/v2';
import { VERSION } from './version.js';

/** Lists that only change when the process restarts: a client may keep them for an hour. */
const FIXED: CacheHint = { ttlMs: 60 * 60_000, cacheScope: 'public' };
const CACHE_HINTS = {
  'tools/list': FIXED,
  'prompts/list': FIXED,
  'resources/templates/list': FIXED,
  'server/discover': FIXED,
  // Lists the jobs this key started lately, so it is neither shared nor kept.
  'resources/list': { ttlMs: 0, cacheScope: 'private' },
} as const satisfies Record<string, CacheHint>;

/**
 * The SDK's low-level server, with one addition: a tools/call that became a task answers with the
 * task-creation result as it is. The SDK checks every tools/call result as a CallToolResult (and
 * would add an empty `content`, which makes it an invalid task result); a task result is a
 * different result family, carried out of the handler by `TaskCreated`.
 */
class HeyGenServer extends Server {
  protected override _wrapHandler(method: string, handler: Parameters<Server['_wrapHandler']>[1]): ReturnType<Server['_wrapHandler']> {
    const wrapped = super._wrapHandler(method, handler);
    if (method !== 'tools/call') return wrapped;
    return async (request, ctx) => {
      try {
        return await wrapped(request, ctx);
      } catch (err) {
        if (err instanceof TaskCreated) return err.result;
        throw err;
      }
    };
  }
}

/**
 * The one-time asynchronous set-up every process awaits before its first `createServer()`:
 * building the skills catalog. Later calls return at once.
 */
export async function prepareServer(): Promise<void> {
  await loadSkills();
}

/**
 * Builds a complete MCP server from its dependencies: one per stdio connection, per modern
 * (2026-07-28) HTTP request, per 2025 session and per test. Pure and cheap: the tool, resource
 * and prompt tables are built once per process; an instance only binds them to its
 * dependencies (its HeyGen key, state and era).
 */
export function createServer(deps: ServerDeps): Server {
  const subscribe = deps.watcher !== undefined;
  const capabilities: ServerCapabilities = {
    tools: { listChanged: false },
    resources: { subscribe, listChanged: false },
    prompts: { listChanged: false },
    completions: {},
    logging: {},
    // Tasks: the 2026-07-28 extension, or the 2025-11-25 utility (list, cancel, tool calls).
    ...(deps.tasks
      ? deps.era === 'modern'
        ? { extensions: { [TASKS_EXTENSION_ID_V2]: {} } }
        : { tasks: { list: {}, cancel: {}, requests: { tools: { call: {} } } } }
      : {}),
  };
  const server = new HeyGenServer(
    { name: 'heygen-mcp', title: 'HeyGen', version: deps.version ?? VERSION },
    { instructions: INSTRUCTIONS, capabilities, cacheHints: CACHE_HINTS },
  );
  bindTools(server, deps, taskHook);
  bindResources(server, deps, attachSkills(server));
  bindPrompts(server);
  bindCompletion(server, deps);
  bindTasks(server, deps);
  if (subscribe && deps.era !== 'modern') bindLegacySubscriptions(server, deps);
  return server;
}

/**
 * 2025-era `resources/subscribe` for job resources: the shared poller in `deps.watcher` does
 * the watching; this connects one session to it. Other `heygen://` resources never change while
 * a session lives, so subscribing to them is accepted and does nothing.
 */
function bindLegacySubscriptions(server: Server, deps: ServerDeps): void {
  // One subscriber per key the session has used: a signed-in person's key may arrive (or change)
  // after the session opened, and watches run with the key that was current when they began.
  const subs = new Map<string, ReturnType<NonNullable<ServerDeps['watcher']>['subscriber']>>();
  const subscriberFor = (d: ServerDeps) => {
    let sub = subs.get(d.state.keyId);
    if (!sub) {
      sub = d.watcher!.subscriber(d.state.keyId, d.heygen, (uri) => {
        server.sendResourceUpdated({ uri }).catch(() => undefined);
      });
      subs.set(d.state.keyId, sub);
    }
    return sub;
  };
  const checkUri = (uri: string) => {
    if (!uri.startsWith('heygen://')) throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Only heygen:// resources can be subscribed to, not "${uri.slice(0, 100)}".`);
  };
  server.setRequestHandler('resources/subscribe', async (request) => {
    checkUri(request.params.uri);
    const d = await currentDeps(deps);
    if (!d) throw new ProtocolError(ProtocolErrorCode.InvalidRequest, 'No HeyGen key is saved for your account yet: call any HeyGen tool (it opens the key page) first.');
    subscriberFor(d).subscribe(request.params.uri);
    return {};
  });
  server.setRequestHandler('resources/unsubscribe', (request) => {
    checkUri(request.params.uri);
    for (const sub of subs.values()) sub.unsubscribe(request.params.uri);
    return {};
  });
  const previous = server.onclose;
  server.onclose = () => {
    previous?.();
    for (const sub of subs.values()) sub.release();
  };
}
