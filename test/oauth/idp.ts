import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';

/** A free loopback port (so a server's public URL can be known before it starts). */
export async function freePort(): Promise<number> {
  const s = createNetServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

export interface Idp {
  issuer: string;
  /** Who signs in next, and which resource scopes the automated consent grants. */
  user: string;
  grant: string;
  /** Signs a token with the provider's own key (for refusal tests: expired, wrong audience, ...). */
  sign(claims: JWTPayload, opts?: { expiresIn?: number | string; kid?: string }): Promise<string>;
  /**
   * Plays the person's browser through the authorization URL: cookies kept, redirects followed,
   * login and consent finished by the test's interaction handler, until the redirect back to the
   * client. Returns the callback's query.
   */
  authorize(url: URL, redirectUri: string): Promise<URLSearchParams>;
  close(): Promise<void>;
}

/**
 * A real OpenID provider (oidc-provider, certified) on loopback: dynamic client registration,
 * authorization code with PKCE, resource indicators issuing JWT access tokens for the MCP
 * server's URL with the heygen scopes. Login and consent are automated: the interaction route
 * signs in `idp.user` and grants `idp.grant`.
 */
export async function startIdp(resource: string): Promise<Idp> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'idp-key-1', alg: 'RS256', use: 'sig' };
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const state = { user: 'alice', grant: 'heygen:read heygen:write heygen:admin' };
  const provider = new Provider(issuer, {
    jwks: { keys: [jwk] },
    cookies: { keys: ['heygen-mcp-test-cookies'] },
    scopes: ['openid', 'offline_access', 'heygen:read', 'heygen:write', 'heygen:admin'],
    clientDefaults: { grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'], token_endpoint_auth_method: 'none' },
    pkce: { required: () => true },
    ttl: { Session: 600, Grant: 600, AccessToken: 600, RefreshToken: 600, Interaction: 600, AuthorizationCode: 60, IdToken: 600 },
    features: {
      devInteractions: { enabled: false },
      registration: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => resource,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx: unknown, indicator: string) => {
          if (indicator !== resource) throw new Error(`unknown resource ${indicator}`);
          return { scope: 'heygen:read heygen:write heygen:admin', audience: resource, accessTokenFormat: 'jwt', accessTokenTTL: 600, jwt: { sign: { alg: 'RS256' } } };
        },
      },
    },
    extraTokenClaims: (_ctx: unknown, token: { accountId?: string }) => (token.accountId ? { preferred_username: token.accountId } : undefined),
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx: unknown, sub: string) => ({ accountId: sub, claims: () => ({ sub }) }),
  });
  provider.on('server_error', (_ctx: unknown, err: Error) => process.stderr.write(`idp server_error: ${err.message}\n`));
  const callback = provider.callback();

  const interaction = async (req: IncomingMessage, res: ServerResponse) => {
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === 'login') {
      await provider.interactionFinished(req, res, { login: { accountId: state.user } }, { mergeWithLastSubmission: false });
      return;
    }
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
    const missing = details.prompt.details as { missingOIDCScope?: string[]; missingResourceScopes?: Record<string, string[]> };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    for (const [indicator, asked] of Object.entries(missing.missingResourceScopes ?? {})) {
      // The person consents to what the test grants; the rest of what was asked is declined.
      const granted = state.grant.split(' ');
      grant.addResourceScope(indicator, asked.filter((s) => granted.includes(s)).join(' '));
      const declined = asked.filter((s) => !granted.includes(s));
      if (declined.length) grant.rejectResourceScope(indicator, declined.join(' '));
    }
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  };

  const server: Server = createHttpServer((req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      interaction(req, res).catch((err: Error) => { res.statusCode = 500; res.end(err.message); });
      return;
    }
    callback(req, res);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));

  const idp: Idp = {
    issuer,
    get user() { return state.user; },
    set user(v: string) { state.user = v; },
    get grant() { return state.grant; },
    set grant(v: string) { state.grant = v; },
    async sign(claims, opts = {}) {
      const jwt = new SignJWT({ ...claims }).setProtectedHeader({ alg: 'RS256', kid: opts.kid ?? 'idp-key-1', typ: 'at+jwt' }).setIssuedAt();
      if (opts.expiresIn !== undefined) jwt.setExpirationTime(opts.expiresIn);
      return jwt.sign(privateKey);
    },
    async authorize(url, redirectUri) {
      const jar = new Map<string, string>();
      let next = url.href;
      for (let hop = 0; hop < 20; hop++) {
        if (next.startsWith(redirectUri)) return new URL(next).searchParams;
        const r = await fetch(next, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
        for (const c of r.headers.getSetCookie()) {
          const [pair] = c.split(';');
          const eq = pair!.indexOf('=');
          jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1));
        }
        const location = r.headers.get('location');
        if (!location) throw new Error(`authorization stopped at ${new URL(next).pathname}: HTTP ${r.status} ${(await r.text()).slice(0, 300)}`);
        next = new URL(location, next).href;
      }
      throw new Error('too many redirects');
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return idp;
}
