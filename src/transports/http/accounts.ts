import type { AccountBinding, KeySource, ServerDeps } from '../../context.js';
import { redact, type Logger } from '../../log.js';
import type { KeySealer, UserKeyStore } from '../../state/user-keys.js';
import type { KeyResolver, SignedInDeps } from './keys.js';
import type { SignedIn } from './oauth.js';

/** How long a key page link stays valid. */
export const TICKET_TTL_MS = 15 * 60_000;

export interface AccountsOptions {
  sealer: KeySealer;
  store: UserKeyStore;
  teamKey: string | undefined;
  /** Absolute URL of the key page (`<public base>/keys`). */
  pageUrl: string;
  keys: KeyResolver;
  log: Logger;
  /** Asks HeyGen whether a key works before it is saved (`unknown` when HeyGen cannot tell now). */
  check?: (key: string) => Promise<KeyCheck>;
}

export type KeyCheck = 'ok' | 'rejected' | 'unknown';

/**
 * Signed-in people and their HeyGen keys: the saved key (opened from its sealed record) or the
 * team key, the dependencies each runs with, and the signed links to the key page.
 *
 * State stays keyed by the HeyGen key, as everywhere else, so two people with different keys
 * never share a duplicate guard, job list, catalog cache or subscription. People who share the
 * team key get state of their own as well (keyed by the team key and the person), and a person
 * with no key yet gets an empty state of their own that reaches HeyGen with no key.
 */
export class Accounts implements SignedInDeps {
  constructor(private readonly o: AccountsOptions) {}

  /** The person's key and where it comes from; undefined when there is none. */
  async keyOf(userId: string): Promise<{ key: string; source: 'personal' | 'team' } | undefined> {
    const sealed = await this.o.store.get(userId);
    if (sealed) {
      const key = this.o.sealer.open(sealed, userId);
      if (key) {
        redact(key);
        return { key, source: 'personal' };
      }
      this.o.log.warn('a saved HeyGen key could not be opened (was HEYGEN_MCP_KEY_ENCRYPTION_KEY changed?); the person will be asked again');
    }
    return this.o.teamKey ? { key: this.o.teamKey, source: 'team' } : undefined;
  }

  /**
   * Dependencies for a person. `perCall` (2025 sessions, which outlive a key change) makes every
   * tool call look the key up again; a 2026-07-28 request uses what was found for it.
   */
  async depsFor(user: SignedIn, perCall: boolean): Promise<ServerDeps> {
    const found = await this.keyOf(user.userId);
    const deps = this.bind(user, found);
    const account = this.binding(user, perCall || !found ? undefined : deps);
    return { ...deps, account };
  }

  private bind(user: SignedIn, found: { key: string; source: 'personal' | 'team' } | undefined): ServerDeps {
    if (!found) return this.o.keys.depsFor('', `\0no key\n${user.userId}`);
    return found.source === 'team' ? this.o.keys.depsFor(found.key, `${found.key}\n${user.userId}`) : this.o.keys.depsFor(found.key);
  }

  private binding(user: SignedIn, known: ServerDeps | undefined): AccountBinding {
    return {
      name: user.name,
      keyPageUrl: () => this.pageUrl(user),
      current: async () => {
        if (known) return known;
        const found = await this.keyOf(user.userId);
        return found ? this.bind(user, found) : undefined;
      },
      source: async (): Promise<KeySource> => (await this.keyOf(user.userId))?.source ?? 'none',
      forget: () => this.o.store.delete(user.userId),
    };
  }

  pageUrl(user: { userId: string; name: string }): string {
    const ticket = this.o.sealer.sign({ u: user.userId, n: user.name.slice(0, 100), e: Date.now() + TICKET_TTL_MS });
    return `${this.o.pageUrl}?t=${ticket}`;
  }

  /** Whether HeyGen accepts a key (one account lookup); `unknown` when it cannot be asked. */
  check(key: string): Promise<KeyCheck> {
    redact(key);
    return this.o.check ? this.o.check(key) : Promise.resolve('unknown');
  }

  /** Saves a person's key, sealed. */
  async save(userId: string, key: string): Promise<void> {
    redact(key);
    await this.o.store.put(userId, this.o.sealer.seal(key, userId));
  }

  forget(userId: string): Promise<void> {
    return this.o.store.delete(userId);
  }

  get hasTeamKey(): boolean {
    return this.o.teamKey !== undefined;
  }

  get sealer(): KeySealer {
    return this.o.sealer;
  }
}
