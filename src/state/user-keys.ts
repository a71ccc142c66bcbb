import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The HeyGen keys people save through the key page, one per signed-in person. Only sealed
 * records are stored: AES-256-GCM under a key derived from HEYGEN_MCP_KEY_ENCRYPTION_KEY, with
 * the person's id as associated data, so a record copied under another person's id does not
 * open. The raw key lives only in memory while a request uses it.
 */
export interface UserKeyStore {
  get(userId: string): Promise<string | undefined>;
  put(userId: string, sealed: string): Promise<void>;
  delete(userId: string): Promise<void>;
}

export class MemoryUserKeyStore implements UserKeyStore {
  private readonly records = new Map<string, string>();
  async get(userId: string): Promise<string | undefined> {
    return this.records.get(userId);
  }
  async put(userId: string, sealed: string): Promise<void> {
    this.records.set(userId, sealed);
  }
  async delete(userId: string): Promise<void> {
    this.records.delete(userId);
  }
  /** Every stored record (tests check that none holds a raw key). */
  dump(): string[] {
    return [...this.records.values()];
  }
}

const VERSION = 'v1';

/** Seals and opens stored keys, and signs the short-lived tickets of the key page. */
export class KeySealer {
  private readonly aead: Buffer;
  private readonly mac: Buffer;

  /** `secret`: 32 bytes from configuration (or random for one process). */
  constructor(secret: Buffer) {
    if (secret.length !== 32) throw new Error('the key encryption key must be 32 bytes');
    // Separate keys for separate jobs, both derived from the one configured secret.
    this.aead = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'heygen-mcp stored keys', 32));
    this.mac = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'heygen-mcp key page tickets', 32));
  }

  seal(plain: string, userId: string): string {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.aead, iv);
    c.setAAD(Buffer.from(userId));
    const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return `${VERSION}.${Buffer.concat([iv, c.getAuthTag(), body]).toString('base64url')}`;
  }

  /** The key, or undefined when the record is damaged, foreign or sealed under another secret. */
  open(sealed: string, userId: string): string | undefined {
    const [v, data] = sealed.split('.');
    if (v !== VERSION || !data) return undefined;
    const raw = Buffer.from(data, 'base64url');
    if (raw.length < 29) return undefined;
    try {
      const d = createDecipheriv('aes-256-gcm', this.aead, raw.subarray(0, 12));
      d.setAAD(Buffer.from(userId));
      d.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
    } catch {
      return undefined;
    }
  }

  /** A signed ticket naming a person, valid until `expiresAt` (ms). */
  sign(payload: TicketPayload): string {
    const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
    return `${body}.${this.tag(body)}`;
  }

  verify(ticket: string, now = Date.now()): TicketPayload | undefined {
    const [body, sig] = ticket.split('.');
    if (!body || !sig || ticket.length > 2_000) return undefined;
    const want = Buffer.from(this.tag(body));
    const got = Buffer.from(sig);
    if (want.length !== got.length || !timingSafeEqual(want, got)) return undefined;
    try {
      const p = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TicketPayload;
      if (typeof p.u !== 'string' || typeof p.n !== 'string' || typeof p.e !== 'number' || p.e < now) return undefined;
      return p;
    } catch {
      return undefined;
    }
  }

  private tag(body: string): string {
    return createHmac('sha256', this.mac).update(body).digest('base64url');
  }
}

/** What a key page ticket carries: the person's id, a name to show them, and its expiry. */
export interface TicketPayload { u: string; n: string; e: number }

/** A stable, non-reversible id for a signed-in person: issuer and subject together. */
export function userIdOf(issuer: string, subject: string): string {
  return createHash('sha256').update(`heygen-mcp user\n${issuer}\n${subject}`).digest('hex').slice(0, 32);
}
