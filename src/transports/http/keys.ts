import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Config } from '../../config.js';
import type { ServerDeps } from '../../context.js';
import type { Logger } from '../../log.js';
import { makeDeps, type Upstream } from '../../runtime.js';
import type { StateProvider } from '../../state/provider.js';

export const CLIENT_KEY_HEADER = 'x-heygen-api-key';

/** The HeyGen key a request runs with: the client's own (`X-HeyGen-Api-Key`) or the server's. */
export type KeyChoice = { key: string | undefined; digest: Buffer | undefined } | { refuse: string };

const MAX_CACHED_KEYS = 500;

/**
 * Which HeyGen key each HTTP request or 2025 session uses, and the server dependencies built
 * for it. Dependencies are kept per key (a bounded LRU), so a modern request, which gets a
 * server instance of its own, only binds them.
 */
export class KeyResolver {
  private readonly deps = new Map<string, ServerDeps>();

  constructor(private readonly args: { config: Config; upstream: Upstream; states: StateProvider; log: Logger }) {}

  choose(req: IncomingMessage): KeyChoice {
    const client = header(req, CLIENT_KEY_HEADER)?.trim();
    if (!client) return { key: this.args.upstream.apiKey, digest: undefined };
    if (this.args.upstream.apiKey && !this.args.config.allowClientKeys) return { refuse: 'This server uses its own HeyGen key; X-HeyGen-Api-Key is not accepted (HEYGEN_MCP_ALLOW_CLIENT_KEYS is off).' };
    if (client.length > 512) return { refuse: 'X-HeyGen-Api-Key is too long.' };
    return { key: client, digest: digestOf(client) };
  }

  /** Whether a later request of a session carries the key the session was opened with. */
  static matches(sessionDigest: Buffer | undefined, req: IncomingMessage): boolean {
    const client = header(req, CLIENT_KEY_HEADER)?.trim();
    if (!sessionDigest || !client) return !sessionDigest && !client;
    return timingSafeEqual(sessionDigest, digestOf(client));
  }

  /** The dependencies for a key, built on first use; `watcher` and `era` are per use. */
  depsFor(key: string | undefined): ServerDeps {
    const id = key ?? '';
    let d = this.deps.get(id);
    if (d) {
      // Most recently used last: the map's order is the eviction order.
      this.deps.delete(id);
    } else {
      d = makeDeps({ config: this.args.config, upstream: this.args.upstream, apiKey: key, transport: 'http', states: this.args.states, log: this.args.log });
    }
    this.deps.set(id, d);
    if (this.deps.size > MAX_CACHED_KEYS) this.deps.delete(this.deps.keys().next().value as string);
    return d;
  }
}

export function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Sessions remember a hash of the client's key, never the key. */
function digestOf(key: string): Buffer {
  return createHash('sha256').update(key).digest();
}
