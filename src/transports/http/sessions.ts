import type { Server, Transport } from '@modelcontextprotocol/server';
import type { Logger } from '../../log.js';

export interface Session {
  id: string;
  kind: 'streamable' | 'sse';
  transport: Transport;
  server: Server;
  /** sha256 of the client's X-HeyGen-Api-Key, or undefined when the session uses the server key. */
  keyDigest: Buffer | undefined;
  /** The signed-in person the session belongs to (hosted mode with sign-in); every request must come from them. */
  userId?: string | undefined;
  lastSeen: number;
  /** Requests and streams of this session still open: an active session is never idle. */
  active: number;
  closed: boolean;
}

export interface SessionLimits { maxSessions: number; idleTtlMs: number }

/**
 * Live sessions of both HTTP transports. The SDK keeps none of this: the table enforces the
 * cap, evicts idle sessions (closing transport and server so their memory goes), and closes
 * everything on shutdown.
 */
export class SessionTable {
  private readonly byId = new Map<string, Session>();
  private reserved = 0;
  private sweeper: NodeJS.Timeout | undefined;

  constructor(private readonly limits: SessionLimits, private readonly log: Logger, private readonly now: () => number = Date.now) {
    const every = Math.max(50, Math.min(60_000, Math.floor(limits.idleTtlMs / 4)));
    this.sweeper = setInterval(() => void this.sweep(), every);
    this.sweeper.unref();
  }

  get size(): number {
    return this.byId.size;
  }

  /** Holds a slot for a session being created; false when the cap is reached. */
  reserve(): boolean {
    if (this.byId.size + this.reserved >= this.limits.maxSessions) return false;
    this.reserved++;
    return true;
  }

  unreserve(): void {
    this.reserved = Math.max(0, this.reserved - 1);
  }

  /** Turns a reservation into a live session. */
  add(s: Omit<Session, 'lastSeen' | 'active' | 'closed'>): Session {
    this.unreserve();
    const session: Session = { ...s, lastSeen: this.now(), active: 0, closed: false };
    this.byId.set(s.id, session);
    this.log.debug('session opened', { session: s.id.slice(0, 8), transport: s.kind, sessions: this.byId.size });
    return session;
  }

  get(id: string): Session | undefined {
    return this.byId.get(id);
  }

  /** Marks a request (or stream) of the session as running until the returned function is called. */
  begin(s: Session): () => void {
    s.active++;
    s.lastSeen = this.now();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      s.active--;
      s.lastSeen = this.now();
    };
  }

  /** Forgets a session whose transport closed on its own (DELETE, stream ended). */
  forget(id: string): void {
    const s = this.byId.get(id);
    if (!s) return;
    this.byId.delete(id);
    if (!s.closed) {
      s.closed = true;
      void s.server.close().catch(() => undefined);
      this.log.debug('session closed', { session: id.slice(0, 8), sessions: this.byId.size });
    }
  }

  async close(id: string, why: string): Promise<void> {
    const s = this.byId.get(id);
    if (!s || s.closed) return;
    s.closed = true;
    this.byId.delete(id);
    try {
      await s.transport.close();
      await s.server.close();
    } catch (err) {
      this.log.debug('error closing session', { error: err });
    }
    this.log.debug('session closed', { session: id.slice(0, 8), why, sessions: this.byId.size });
  }

  async sweep(): Promise<number> {
    const cutoff = this.now() - this.limits.idleTtlMs;
    const idle = [...this.byId.values()].filter((s) => s.active === 0 && s.lastSeen < cutoff);
    await Promise.all(idle.map((s) => this.close(s.id, 'idle')));
    if (idle.length > 0) this.log.info('closed idle sessions', { count: idle.length, sessions: this.byId.size });
    return idle.length;
  }

  async closeAll(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = undefined;
    await Promise.all([...this.byId.keys()].map((id) => this.close(id, 'shutdown')));
  }
}
