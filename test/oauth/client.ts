import {
  Client, StreamableHTTPClientTransport, UnauthorizedError,
  type OAuthClientInformationMixed, type OAuthClientMetadata, type OAuthClientProvider, type OAuthDiscoveryState, type OAuthTokens,
} from '@modelcontextprotocol/client';
import type { Idp } from './idp.js';

const REDIRECT = 'http://127.0.0.1:59999/callback';

/** An OAuth client provider kept in memory, as a desktop client would keep it in its keychain. */
export class MemoryOAuthProvider implements OAuthClientProvider {
  private creds = new Map<string, OAuthClientInformationMixed>();
  private saved: OAuthTokens | undefined;
  private verifier: string | undefined;
  private discovery: OAuthDiscoveryState | undefined;
  lastState: string | undefined;
  authorizationUrl: URL | undefined;
  registrations = 0;

  readonly redirectUrl = REDIRECT;
  readonly clientMetadata: OAuthClientMetadata = {
    client_name: 'heygen-mcp test client',
    redirect_uris: [REDIRECT],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'none',
    application_type: 'native',
  } as OAuthClientMetadata;

  clientInformation(ctx?: { issuer: string }) { return ctx ? this.creds.get(ctx.issuer) : undefined; }
  saveClientInformation(info: OAuthClientInformationMixed, ctx?: { issuer: string }) {
    this.registrations++;
    if (ctx) this.creds.set(ctx.issuer, info);
  }
  tokens() { return this.saved; }
  saveTokens(tokens: OAuthTokens) { this.saved = tokens; }
  state() {
    this.lastState = crypto.randomUUID();
    return this.lastState;
  }
  saveDiscoveryState(s: OAuthDiscoveryState) { this.discovery = s; }
  discoveryState() { return this.discovery; }
  redirectToAuthorization(url: URL) { this.authorizationUrl = url; }
  saveCodeVerifier(v: string) { this.verifier = v; }
  codeVerifier() {
    if (!this.verifier) throw new Error('no code verifier');
    return this.verifier;
  }
}

export type Era = 'modern' | 'legacy';

function makeClient(era: Era, withElicitation: boolean): Client {
  const mode = era === 'modern' ? { pin: '2026-07-28' as const } : ('legacy' as const);
  return new Client({ name: 'oauth-test', version: '0' }, {
    versionNegotiation: { mode },
    capabilities: withElicitation ? { elicitation: { url: {} } } : {},
  });
}

/**
 * Connects the official client with its OAuth support: the first connect runs discovery and
 * registration and sends the person to the authorization URL (UnauthorizedError); the test's
 * browser stand-in signs in and consents; finishAuth exchanges the code (PKCE); a fresh
 * transport connects with the token.
 */
export async function signIn(url: string, idp: Idp, era: Era, opts: { provider?: MemoryOAuthProvider; elicitation?: boolean; beforeConnect?: (c: Client) => void } = {}): Promise<{ client: Client; provider: MemoryOAuthProvider }> {
  const provider = opts.provider ?? new MemoryOAuthProvider();
  const first = makeClient(era, opts.elicitation ?? false);
  const transport = new StreamableHTTPClientTransport(new URL(url), { authProvider: provider });
  let needed = false;
  try {
    await first.connect(transport);
    // 2026-07-28 has no handshake: the first request is what meets the 401.
    if (era === 'modern') await first.listTools();
  } catch (err) {
    if (!(err instanceof UnauthorizedError) && !isUnauthorized(err)) throw err;
    needed = true;
  }
  if (needed) {
    if (!provider.authorizationUrl) throw new Error('the client was not sent to the authorization server');
    const params = await idp.authorize(provider.authorizationUrl, provider.redirectUrl);
    if (params.get('state') !== provider.lastState) throw new Error('state mismatch');
    await transport.finishAuth(params);
    await first.close().catch(() => undefined);
  } else {
    await first.close().catch(() => undefined);
  }
  const client = makeClient(era, opts.elicitation ?? false);
  opts.beforeConnect?.(client);
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { authProvider: provider }));
  return { client, provider };
}

function isUnauthorized(err: unknown): boolean {
  let e: unknown = err;
  for (let i = 0; i < 4 && e; i++) {
    if (e instanceof UnauthorizedError) return true;
    e = (e as { cause?: unknown; data?: { cause?: unknown } }).cause ?? (e as { data?: { cause?: unknown } }).data?.cause;
  }
  return false;
}
