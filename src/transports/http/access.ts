import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';

/**
 * Who may talk to the HTTP server: Host and Origin checks against DNS rebinding, and the bearer
 * token. Pure functions over header values so the rules can be read (and tested) in one place.
 */

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1']);

export function isLoopbackHost(host: string): boolean {
  const h = stripBrackets(host.toLowerCase());
  return LOOPBACK_NAMES.has(h) || h.endsWith('.localhost') || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

export function isWildcardHost(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '[::]';
}

function stripBrackets(h: string): string {
  return h.startsWith('[') && h.endsWith(']') ? h.slice(1, -1) : h;
}

/** `example.com:3000` → `example.com`, `[::1]:3000` → `::1`. Undefined for malformed values. */
export function hostnameOf(hostHeader: string): string | undefined {
  const v = hostHeader.trim().toLowerCase();
  if (!v || v.length > 255) return undefined;
  const m = /^(\[[0-9a-f:.]+\]|[^:\s/[\]]+)(?::(\d{1,5}))?$/.exec(v);
  return m ? stripBrackets(m[1] as string) : undefined;
}

/** Normalises an origin (`https://Example.com:443/` → `https://example.com`); undefined when it is not one. */
export function normaliseOrigin(origin: string): string | undefined {
  try {
    const u = new URL(origin);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    return u.origin;
  } catch {
    return undefined;
  }
}

export interface AccessPolicy {
  /** Bound to a loopback address: only local names are expected. */
  loopback: boolean;
  allowedOrigins: Set<string>;
  allowedHostnames: Set<string>;
}

/**
 * Host names a request may address. DNS rebinding needs an attacker-controlled *name* that
 * resolves to us, so names are allow-listed: loopback names, the configured bind name, and the
 * hosts of allowed origins (a reverse proxy's public name). IP literals cannot be rebound, so
 * they pass when bound off loopback (where the bearer token is mandatory anyway).
 */
export function makePolicy(bindHost: string, allowedOrigins: string[]): AccessPolicy {
  const origins = new Set<string>();
  const hostnames = new Set<string>(LOOPBACK_NAMES);
  for (const raw of allowedOrigins) {
    const o = normaliseOrigin(raw);
    if (!o) throw new Error(`HEYGEN_MCP_ALLOWED_ORIGINS: "${raw}" is not an http(s) origin`);
    origins.add(o);
    hostnames.add(stripBrackets(new URL(o).hostname));
  }
  const loopback = isLoopbackHost(bindHost);
  if (!isWildcardHost(bindHost)) hostnames.add(stripBrackets(bindHost.toLowerCase()));
  return { loopback, allowedOrigins: origins, allowedHostnames: hostnames };
}

export function hostAllowed(policy: AccessPolicy, hostHeader: string | undefined): boolean {
  if (!hostHeader) return false;
  const name = hostnameOf(hostHeader);
  if (!name) return false;
  if (policy.allowedHostnames.has(name) || isLoopbackHost(name)) return true;
  return !policy.loopback && isIP(name) !== 0;
}

/** A request without Origin is not from a browser page: judged on Host and token alone. */
export function originAllowed(policy: AccessPolicy, originHeader: string | undefined): boolean {
  if (originHeader === undefined) return true;
  const o = normaliseOrigin(originHeader);
  if (!o) return false;
  if (policy.allowedOrigins.has(o)) return true;
  return policy.loopback && isLoopbackHost(new URL(o).hostname);
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Constant-time comparison of two secrets of any length (hashing equalises the lengths). */
export function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

/** Checks `Authorization: Bearer <token>`; the token is never read from the query string. */
export function bearerOk(expected: string, authorization: string | undefined): boolean {
  const m = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization ?? '');
  return m !== null && sameSecret(expected, m[1] as string);
}
