import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Config } from '../../config.js';
import type { ServerDeps } from '../../context.js';
import type { Logger } from '../../log.js';
import { makeDeps, type Upstream } from '../../deps.js';
import type { StateProvider } from '../../state/contract.js';
import type { SignedIn } from './oauth.js';

export const CLIENT_KEY_HEADER = 'x-heygen-api-key';

/** The HeyGen key a request runs with: the client's own (`X-HeyGen-Api-Key`) or the server's. */
export type KeyChoice = { key: string | undefined; digest: Buffer | undefined } | { refuse: string };

/** Who sent a request: nobody in particular (no token configured), a script with the static token, or a signed-in person. */
export type Caller = { kind: 'anonymous' | 'static' } | { kind: 'user'; user: SignedIn };

/** What a request or 2025 session runs with: its dependencies, and what later requests must match. */
export type Resolved = { deps: ServerDeps; digest: Buffer | undefined; userId: string | undefined } | { refuse: string };

const MAX_CACHED_KEYS = 500;

/**
 * Where a signed-in person's dependencies come from: `Accounts` (accounts.ts), which builds
 * them on this resolver's per-key dependencies, so the type is declared here, below it.
 */
export interface SignedInDeps {
  depsFor(user: SignedIn, perCall: boolean): Promise<ServerDeps>;
}

/**
 * Which HeyGen key each HTTP request or 2025 session uses, and the server dependencies built
 * for it. Dependencies are kept per key (a bounded LRU), so a modern request, which gets a
 * server instance of its own, only binds them. A signed-in person's key comes from the
 * encrypted key store (see Accounts), never from a header.
 */
export class KeyResolver {
  private readonly deps = new Map<string, ServerDeps>();
  accounts: SignedInDeps | undefined;

  constructor(private readonly args: { config: Config; upstream: Upstream; states: StateProvider; log: Logger }) {}

  choose(req: IncomingMessage): KeyChoice {
    const client = header(req, CLIENT_KEY_HEADER)?.trim();
    if (!client) return { key: this.args.upstream.apiKey, digest: undefined };
    if (this.args.upstream.apiKey && !this.args.config.allowClientKeys) return { refuse: 'This server uses its own HeyGen key; X-HeyGen-Api-Key is not accepted (HEYGEN_MCP_ALLOW_CLIENT_KEYS is off).' };
    if (client.length > 512) return { refuse: 'X-HeyGen-Api-Key is too long.' };
    return { key: client, digest: digestOf(client) };
  }

  /** The dependencies a request runs with, for whoever sent it. */
  async resolve(req: IncomingMessage, caller: Caller, perCall: boolean): Promise<Resolved> {
    if (caller.kind === 'user' && this.accounts) {
      if (header(req, CLIENT_KEY_HEADER)) return { refuse: 'Signed-in people do not send X-HeyGen-Api-Key: save your key on the key page (the my_heygen_key tool opens it).' };
      return { deps: await this.accounts.depsFor(caller.user, perCall), digest: undefined, userId: caller.user.userId };
    }
    const key = this.choose(req);
    if ('refuse' in key) return key;
    return { deps: this.depsFor(key.key), digest: key.digest, userId: undefined };
  }

  /** Whether a later request of a session carries the key the session was opened with. */
  static matches(sessionDigest: Buffer | undefined, req: IncomingMessage): boolean {
    const client = header(req, CLIENT_KEY_HEADER)?.trim();
    if (!sessionDigest || !client) return !sessionDigest && !client;
    return timingSafeEqual(sessionDigest, digestOf(client));
  }

  /**
   * The dependencies for a key, built on first use; `watcher` and `era` are per use.
   * `stateKey` keys the state apart from the key (a team key shared by several people).
   */
  depsFor(key: string | undefined, stateKey?: string): ServerDeps {
    const id = stateKey === undefined ? `k:${key ?? ''}` : `s:${stateKey}`;
    let d = this.deps.get(id);
    if (d) {
      // Most recently used last: the map's order is the eviction order.
      this.deps.delete(id);
    } else {
      d = makeDeps({ config: this.args.config, upstream: this.args.upstream, apiKey: key, ...(stateKey !== undefined ? { stateKey } : {}), transport: 'http', states: this.args.states, log: this.args.log });
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
