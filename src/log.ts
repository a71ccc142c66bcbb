/**
 * The process logger. Everything goes to stderr: on stdio, stdout carries JSON-RPC only.
 * Secrets registered with `redact()` are masked in every line, whatever the caller passes.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

/**
 * How many client-supplied secrets are remembered. Hosted mode registers every key a client
 * brings, so an unbounded list would grow with every new key for the life of the process; twice
 * the default session cap keeps every live session's key with room to spare.
 */
export const MAX_TRANSIENT_SECRETS = 2_048;
// The server's own secrets (its API key, bearer token, webhook secret, Redis URL): never dropped.
const pinned = new Set<string>();
// Client keys, least recently registered first (a Map keeps insertion order).
const transient = new Map<string, true>();

/**
 * Registers a value that must never reach a log line or an error text: a key a client brought.
 * Registering it again marks it recently used; past MAX_TRANSIENT_SECRETS the least recent one
 * is forgotten.
 */
export function redact(secret: string | undefined): void {
  if (!secret || secret.length < 4 || pinned.has(secret)) return;
  transient.delete(secret);
  transient.set(secret, true);
  if (transient.size > MAX_TRANSIENT_SECRETS) transient.delete(transient.keys().next().value as string);
}

/** Registers one of the server's own secrets: masked for the life of the process. */
export function pinSecret(secret: string | undefined): void {
  if (!secret || secret.length < 4) return;
  transient.delete(secret);
  pinned.add(secret);
}

/** How many secrets are registered (pinned + client). */
export function redactedCount(): number {
  return pinned.size + transient.size;
}

/** Masks every registered secret in a string. Used by the logger and by error text. */
export function scrub(text: string): string {
  let out = text;
  for (const s of pinned) if (out.includes(s)) out = out.split(s).join('[redacted]');
  for (const s of transient.keys()) if (out.includes(s)) out = out.split(s).join('[redacted]');
  return out;
}

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export function createLogger(level: LogLevel = 'info', sink: (line: string) => void = (l) => process.stderr.write(l + '\n')): Logger {
  const min = ORDER[level];
  const emit = (lvl: Exclude<LogLevel, 'silent'>, msg: string, fields?: Record<string, unknown>) => {
    if (ORDER[lvl] < min) return;
    const line = fields && Object.keys(fields).length > 0
      ? `${new Date().toISOString()} ${lvl} ${msg} ${safeJson(fields)}`
      : `${new Date().toISOString()} ${lvl} ${msg}`;
    sink(scrub(line));
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
  };
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v, (_k, val: unknown) => (val instanceof Error ? { name: val.name, message: val.message } : val));
  } catch {
    return '[unserialisable]';
  }
}

export const silentLogger: Logger = createLogger('silent');
