import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerDeps } from '../../context.js';
import { createMcpHandler, type McpHttpHandler } from '@modelcontextprotocol/server';
import type { JobWatcher } from '../../hosted/poller.js';
import type { TaskRunner } from '../../tasks/runner.js';
import type { Logger } from '../../log.js';
import { createServer } from '../../server.js';
import { ListenWatches, listenedUris } from '../listen-watches.js';
import type { KeyResolver } from './keys.js';
import { sendWebResponse } from './web.js';

/**
 * The 2026-07-28 path at /mcp: stateless, so any replica answers any request. The SDK's entry
 * validates the envelope and the standard headers, answers `server/discover`, serves
 * `subscriptions/listen` and shapes the response; each request gets a server instance that
 * binds the prebuilt tables to the HeyGen key of that request.
 */
export class ModernPath {
  private readonly handler: McpHttpHandler;
  private readonly depsOf = new WeakMap<Request, ServerDeps>();
  private readonly listen: ListenWatches | undefined;

  constructor(private readonly args: { keys: KeyResolver; watcher: JobWatcher | undefined; tasks?: TaskRunner | undefined; log: Logger; maxBodyBytes: number }) {
    this.listen = args.watcher ? new ListenWatches(args.watcher) : undefined;
    this.handler = createMcpHandler((ctx) => {
      const deps = (ctx.requestInfo ? this.depsOf.get(ctx.requestInfo) : undefined) ?? args.keys.depsFor(undefined);
      return createServer({ ...deps, era: ctx.era, watcher: args.watcher, tasks: args.tasks });
    }, {
      legacy: 'reject',
      maxRequestBodySize: args.maxBodyBytes,
      onerror: (err) => args.log.debug('modern request refused or failed', { error: err.message }),
    });
  }

  async serve(req: IncomingMessage, res: ServerResponse, request: Request, body: unknown, deps: ServerDeps): Promise<void> {
    this.depsOf.set(request, deps);
    const method = (body as { method?: unknown } | undefined)?.method;
    let release: (() => void) | undefined;
    if (method === 'subscriptions/listen' && this.listen) {
      const uris = listenedUris((body as { params?: unknown }).params);
      if (uris.length > 0) release = this.listen.open(deps.state.keyId, deps.heygen, uris, (uri) => this.handler.notify.resourceUpdated(uri));
      res.once('close', () => release?.());
    }
    const response = await this.handler.fetch(request, { parsedBody: body });
    await sendWebResponse(res, response);
  }

  /** Job watches held open by listen streams (for tests and the bench). */
  get watches(): number {
    return this.listen?.size ?? 0;
  }

  close(): Promise<void> {
    return this.handler.close();
  }
}
