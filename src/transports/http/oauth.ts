import { createRemoteJWKSet, decodeJwt, errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import {
  bearerAuthChallengeResponse, getOAuthProtectedResourceMetadataUrl, OAuthError, OAuthErrorCode, verifyBearerToken,
  type AuthInfo, type OAuthTokenVerifier,
} from '@modelcontextprotocol/server';
import type { Logger } from '../../log.js';
import { ALL_TOOLS } from '../../tools/index.js';
import { userIdOf } from '../../state/user-keys.js';

/**
 * This server as an OAuth 2.1 protected resource (MCP authorization): the RFC 9728 metadata,
 * JWT access tokens checked against each configured issuer's JWKS (signature, issuer, audience
 * = the public URL, expiry), and the scope each MCP request needs. Tokens are only read here;
 * none is ever sent on (HeyGen gets the person's HeyGen key, never their token).
 */
export const SCOPES = { read: 'heygen:read', write: 'heygen:write', admin: 'heygen:admin' } as const;
export const ALL_SCOPES: string[] = [SCOPES.read, SCOPES.write, SCOPES.admin];

/** A verified person: who they are (a stable id and a name to show) and what the token allows. */
export interface SignedIn {
  userId: string;
  name: string;
  scopes: Set<string>;
  auth: AuthInfo;
}

const ASYMMETRIC = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
const DISCOVERY_TIMEOUT_MS = 5_000;
const CLOCK_SKEW_S = 30;

interface IssuerKeys { jwks: JWTVerifyGetKey }

/** How long keys are kept, and how soon an unknown key id (a rotation) may fetch them again. */
export interface KeyCacheTuning { cacheMaxAgeMs: number; cooldownMs: number }
const DEFAULT_KEY_CACHE: KeyCacheTuning = { cacheMaxAgeMs: 10 * 60_000, cooldownMs: 30_000 };

/** One configured issuer: its metadata is discovered once (retried after a failure), its keys cached by jose. */
class Issuer {
  private keys: Promise<IssuerKeys> | undefined;
  constructor(readonly url: string, private readonly log: Logger, private readonly tuning: KeyCacheTuning) {}

  getKeys(): Promise<IssuerKeys> {
    this.keys ??= this.discover().catch((err: unknown) => {
      this.keys = undefined;
      throw err;
    });
    return this.keys;
  }

  private async discover(): Promise<IssuerKeys> {
    const meta = await discoverIssuer(this.url);
    if (typeof meta.jwks_uri !== 'string') throw new Error(`${this.url} publishes no jwks_uri`);
    this.log.info('oauth: issuer metadata loaded', { issuer: this.url });
    // Keys are kept for 10 minutes; an unknown key id (a rotation) refetches, at most every 30 s.
    return { jwks: createRemoteJWKSet(new URL(meta.jwks_uri), { cacheMaxAge: this.tuning.cacheMaxAgeMs, cooldownDuration: this.tuning.cooldownMs, timeoutDuration: DISCOVERY_TIMEOUT_MS }) };
  }
}

/**
 * An issuer's metadata: OpenID Connect discovery first, then RFC 8414 (path inserted after the
 * well-known prefix, then appended, as servers differ). The document must name the same issuer.
 */
export async function discoverIssuer(issuer: string): Promise<{ issuer: string; jwks_uri?: string }> {
  const u = new URL(issuer);
  const path = u.pathname.replace(/\/$/, '');
  const candidates = [
    `${u.origin}${path}/.well-known/openid-configuration`,
    `${u.origin}/.well-known/oauth-authorization-server${path}`,
    `${u.origin}/.well-known/openid-configuration${path}`,
  ];
  let last = 'no answer';
  for (const c of [...new Set(candidates)]) {
    try {
      const r = await fetch(c, { headers: { accept: 'application/json' }, redirect: 'error', signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS) });
      if (!r.ok) { last = `${c}: HTTP ${r.status}`; continue; }
      const doc = (await r.json()) as { issuer?: unknown; jwks_uri?: string };
      if (sameUrl(String(doc.issuer), issuer)) return doc as { issuer: string; jwks_uri?: string };
      last = `${c}: names issuer ${String(doc.issuer).slice(0, 200)}`;
    } catch (err) {
      last = `${c}: ${(err as Error).message}`;
    }
  }
  throw new Error(`Cannot discover the metadata of ${issuer} (${last})`);
}

function sameUrl(a: string, b: string): boolean {
  return a.replace(/\/$/, '') === b.replace(/\/$/, '');
}

/** Scopes from `scope` (space-separated, RFC 9068) or `scp` (array or string, as some IdPs send). */
function scopesOf(p: JWTPayload): string[] {
  const raw = p.scope ?? p.scp;
  if (typeof raw === 'string') return raw.split(' ').filter(Boolean);
  if (Array.isArray(raw)) return raw.filter((s): s is string => typeof s === 'string');
  return [];
}

/** Verifies JWT access tokens for the configured issuers and this resource. */
export class JwtVerifier implements OAuthTokenVerifier {
  private readonly issuers: Map<string, Issuer>;
  constructor(issuers: string[], private readonly audience: string, log: Logger, tuning: Partial<KeyCacheTuning> = {}) {
    const t = { ...DEFAULT_KEY_CACHE, ...tuning };
    this.issuers = new Map(issuers.map((i) => [i.replace(/\/$/, ''), new Issuer(i, log, t)]));
  }

  async verifyAccessToken(token: string): Promise<AuthInfo> {
    let claimed: JWTPayload;
    try {
      claimed = decodeJwt(token);
    } catch {
      throw new OAuthError(OAuthErrorCode.InvalidToken, 'The access token is not a JWT.');
    }
    // The unverified issuer only picks which keys to try; the signature check below decides.
    const issuer = typeof claimed.iss === 'string' ? this.issuers.get(claimed.iss.replace(/\/$/, '')) : undefined;
    if (!issuer) throw new OAuthError(OAuthErrorCode.InvalidToken, 'The access token comes from an issuer this server does not trust.');
    let keys: IssuerKeys;
    try {
      keys = await issuer.getKeys();
    } catch (err) {
      throw new OAuthError(OAuthErrorCode.ServerError, `The authorization server cannot be reached right now (${(err as Error).message.slice(0, 200)}).`);
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys.jwks, {
        issuer: claimed.iss as string,
        audience: [this.audience, `${this.audience}/`],
        algorithms: ASYMMETRIC,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: CLOCK_SKEW_S,
      }));
    } catch (err) {
      throw new OAuthError(OAuthErrorCode.InvalidToken, describeJoseError(err));
    }
    return {
      token,
      clientId: String(payload.client_id ?? payload.azp ?? ''),
      scopes: scopesOf(payload),
      expiresAt: payload.exp,
      // The audience was checked above; the SDK compares it again against expectedResource.
      resource: new URL(this.audience),
      extra: {
        iss: payload.iss,
        sub: payload.sub,
        name: typeof payload.preferred_username === 'string' ? payload.preferred_username : typeof payload.email === 'string' ? payload.email : payload.sub,
      },
    };
  }
}

function describeJoseError(err: unknown): string {
  if (err instanceof joseErrors.JWTExpired) return 'The access token has expired.';
  if (err instanceof joseErrors.JWTClaimValidationFailed) return `The access token's ${err.claim} claim is not accepted here.`;
  if (err instanceof joseErrors.JWSSignatureVerificationFailed) return 'The access token signature is not valid.';
  if (err instanceof joseErrors.JOSEAlgNotAllowed) return 'The access token is not signed with an accepted algorithm.';
  if (err instanceof joseErrors.JWKSNoMatchingKey) return 'The access token was signed with a key the issuer does not publish.';
  return 'The access token is not valid.';
}

/** What the resource server needs from configuration. */
export interface ResourceServerOptions {
  issuers: string[];
  publicUrl: string;
  log: Logger;
}

/**
 * The protected-resource side of hosted mode: metadata, token checks and scope rules, with
 * the challenges the MCP authorization specification asks for.
 */
export class ResourceServer {
  readonly resource: string;
  readonly metadataUrl: string;
  readonly metadata: Record<string, unknown>;
  private readonly verifier: JwtVerifier;

  constructor(private readonly opts: ResourceServerOptions) {
    this.resource = opts.publicUrl.replace(/\/$/, '');
    this.metadataUrl = getOAuthProtectedResourceMetadataUrl(new URL(this.resource));
    this.verifier = new JwtVerifier(opts.issuers, this.resource, opts.log);
    this.metadata = {
      resource: this.resource,
      authorization_servers: opts.issuers,
      scopes_supported: ALL_SCOPES,
      bearer_methods_supported: ['header'],
      resource_name: 'HeyGen (heygen-mcp)',
    };
  }

  /** Whether a path is one of the RFC 9728 metadata locations this server answers. */
  isMetadataPath(path: string): boolean {
    return path === '/.well-known/oauth-protected-resource' || path === new URL(this.metadataUrl).pathname;
  }

  /** Checks the Authorization header; a refusal is the ready 401 (or 5xx) answer. */
  async authenticate(authorization: string | undefined): Promise<SignedIn | Response> {
    try {
      const auth = await verifyBearerToken(authorization, { verifier: this.verifier, expectedResource: new URL(this.resource), resourceMetadataUrl: this.metadataUrl });
      const extra = auth.extra as { iss: string; sub: string; name: string };
      return { userId: userIdOf(extra.iss, extra.sub), name: extra.name, scopes: new Set(auth.scopes), auth };
    } catch (err) {
      return this.challenge(err);
    }
  }

  /** The 401/403 answer for an error, with `resource_metadata` and the scopes to ask for. */
  challenge(err: unknown, scopes: string[] = [SCOPES.read, SCOPES.write]): Response {
    return bearerAuthChallengeResponse(err, { resourceMetadataUrl: this.metadataUrl, requiredScopes: scopes });
  }

  /** 403 insufficient_scope naming the scope (with what the token already has, so a client can step up). */
  insufficient(have: Set<string>, need: string): Response {
    const ask = [...new Set([...have].filter((s) => ALL_SCOPES.includes(s)).concat(need))];
    return this.challenge(new OAuthError(OAuthErrorCode.InsufficientScope, `This request needs the ${need} scope.`), ask);
  }
}

const TOOL_SCOPE = new Map(ALL_TOOLS.map((t) => [t.name, t.toolset === 'webhooks' ? SCOPES.admin : t.kind === 'read' ? SCOPES.read : SCOPES.write]));
/** Tools about the caller's own HeyGen key: reading is enough to manage one's own key. */
const PERSONAL_TOOLS = new Set(['my_heygen_key']);

/**
 * The scope a JSON-RPC message (or batch) needs: `heygen:read` for everything, `heygen:write`
 * for tools that create, change or spend, `heygen:admin` for webhook tools. Responses and
 * notifications need only what the connection already proved.
 */
export function scopeNeeded(body: unknown): string | undefined {
  const messages = Array.isArray(body) ? body : [body];
  let need: string | undefined;
  const rank = (s: string | undefined) => (s === SCOPES.admin ? 3 : s === SCOPES.write ? 2 : s === SCOPES.read ? 1 : 0);
  for (const m of messages) {
    const msg = m as { method?: unknown; id?: unknown; params?: { name?: unknown } } | null;
    if (!msg || typeof msg.method !== 'string' || msg.id === undefined) continue;
    let s: string = SCOPES.read;
    if (msg.method === 'tools/call') {
      const name = typeof msg.params?.name === 'string' ? msg.params.name : '';
      if (!PERSONAL_TOOLS.has(name)) s = TOOL_SCOPE.get(name) ?? SCOPES.read;
    }
    if (rank(s) > rank(need)) need = s;
  }
  return need;
}

/** The scopes a request is refused for, most demanding first (admin implies nothing else). */
export function missingScope(have: Set<string>, need: string | undefined): string | undefined {
  if (!need) return undefined;
  if (need === SCOPES.read) return have.has(SCOPES.read) || have.has(SCOPES.write) ? undefined : SCOPES.read;
  return have.has(need) ? undefined : need;
}
