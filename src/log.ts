/**
 * The process logger. Everything goes to stderr: on stdio, stdout carries JSON-RPC only.
 * Secrets registered with `redact()` are masked in every line, whatever the caller passes.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };
const secrets = new Set<string>();

/** Registers a value (an API key, a bearer token) that must never reach a log line. */
export function redact(secret: string | undefined): void {
  if (secret && secret.length >= 4) secrets.add(secret);
}

/** Masks every registered secret in a string. Used by the logger and by error text. */
export function scrub(text: string): string {
  let out = text;
  for (const s of secrets) if (out.includes(s)) out = out.split(s).join('[redacted]');
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
