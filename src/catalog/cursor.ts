import { createHash } from 'node:crypto';
import { InputError } from '../errors.js';

/**
 * Cursors for lists answered from the local cache. They carry a prefix HeyGen tokens never
 * have, so a list can tell its own cursor from an API token, and a signature of the filters,
 * so a cursor is not silently reused with different filters.
 */
const PREFIX = 'lc1.';

export function isLocalCursor(token: string | undefined): token is string {
  return token !== undefined && token.startsWith(PREFIX);
}

export function signatureOf(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 10);
}

export function encodeCursor(offset: number, sig: string): string {
  return PREFIX + Buffer.from(JSON.stringify({ o: offset, s: sig })).toString('base64url');
}

export function decodeCursor(token: string, sig: string): number {
  let parsed: { o?: unknown; s?: unknown } | undefined;
  try {
    parsed = JSON.parse(Buffer.from(token.slice(PREFIX.length), 'base64url').toString('utf8')) as typeof parsed;
  } catch {
    parsed = undefined;
  }
  if (!parsed || typeof parsed.o !== 'number' || !Number.isInteger(parsed.o) || parsed.o < 0) {
    throw new InputError('next_token', 'not a cursor this server issued; call again without next_token');
  }
  if (parsed.s !== sig) {
    throw new InputError('next_token', 'belongs to a list with other filters or query; repeat that call, or start again without next_token');
  }
  return parsed.o;
}
