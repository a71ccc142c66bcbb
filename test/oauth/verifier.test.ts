import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { ConfigError, loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { KeySealer } from '../../src/state/user-keys.js';
import { discoverIssuer, JwtVerifier, missingScope, scopeNeeded } from '../../src/transports/http/oauth.js';

const log = createLogger('silent', () => undefined);
let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});

/** A tiny issuer that publishes RFC 8414 metadata only (no OpenID discovery) and a JWKS the test rotates. */
async function rotatingIssuer(path = '') {
  const published: JWK[] = [];
  let jwksFetches = 0;
  server = createServer((req, res) => {
    const base = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
    if (req.url === `/.well-known/oauth-authorization-server${path}`) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ issuer: `${base}${path}`, jwks_uri: `${base}/jwks` }));
    } else if (req.url === '/jwks') {
      jwksFetches++;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: published }));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
  const addKey = async (kid: string) => {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    published.push({ ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' });
    return (claims: Record<string, unknown>) => new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid }).setIssuedAt().setExpirationTime('5m').sign(privateKey);
  };
  return { issuer, addKey, fetches: () => jwksFetches, retire: (kid: string) => published.splice(published.findIndex((k) => k.kid === kid), 1) };
}

describe('JWT access tokens', () => {
  it('discovers an issuer through RFC 8414 (path inserted), caches its keys and follows a key rotation', async () => {
    const idp = await rotatingIssuer('/realms/team');
    expect((await discoverIssuer(idp.issuer)).issuer).toBe(idp.issuer);
    const aud = 'https://mcp.example.com/mcp';
    const v = new JwtVerifier([idp.issuer], aud, log, { cooldownMs: 0 });
    const signA = await idp.addKey('a');
    for (let i = 0; i < 5; i++) expect((await v.verifyAccessToken(await signA({ iss: idp.issuer, aud, sub: 'u1', scope: 'heygen:read' }))).scopes).toEqual(['heygen:read']);
    expect(idp.fetches()).toBe(1);
    // The issuer rotates: a new key id is fetched once, and the retired key stops working.
    const signB = await idp.addKey('b');
    idp.retire('a');
    const info = await v.verifyAccessToken(await signB({ iss: idp.issuer, aud, sub: 'u1', scp: ['heygen:read', 'heygen:write'] }));
    expect(info.scopes).toEqual(['heygen:read', 'heygen:write']);
    expect(idp.fetches()).toBe(2);
    await expect(v.verifyAccessToken(await signA({ iss: idp.issuer, aud, sub: 'u1' }))).rejects.toThrow(/key|signature/);
  });

  it('maps each request to the scope it needs', () => {
    expect(scopeNeeded({ jsonrpc: '2.0', id: 1, method: 'tools/list' })).toBe('heygen:read');
    expect(scopeNeeded({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'get_account' } })).toBe('heygen:read');
    expect(scopeNeeded({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'create_avatar_video' } })).toBe('heygen:write');
    expect(scopeNeeded({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'delete_webhook_endpoint' } })).toBe('heygen:admin');
    expect(scopeNeeded({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'my_heygen_key' } })).toBe('heygen:read');
    expect(scopeNeeded([{ jsonrpc: '2.0', id: 1, method: 'tools/list' }, { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'create_avatar_video' } }])).toBe('heygen:write');
    expect(scopeNeeded({ jsonrpc: '2.0', method: 'notifications/initialized' })).toBeUndefined();
    expect(missingScope(new Set(['heygen:write']), 'heygen:read')).toBeUndefined();
    expect(missingScope(new Set(['heygen:read']), 'heygen:write')).toBe('heygen:write');
    expect(missingScope(new Set(['heygen:read', 'heygen:write']), 'heygen:admin')).toBe('heygen:admin');
  });
});

describe('sealed keys and key page tickets', () => {
  const sealer = new KeySealer(Buffer.alloc(32, 3));
  it('seals with AES-256-GCM bound to the person: another person id, another secret or a flipped bit does not open', () => {
    const sealed = sealer.seal('sk-secret-value', 'user-a');
    expect(sealed).not.toContain('sk-secret-value');
    expect(sealer.seal('sk-secret-value', 'user-a')).not.toBe(sealed);
    expect(sealer.open(sealed, 'user-a')).toBe('sk-secret-value');
    expect(sealer.open(sealed, 'user-b')).toBeUndefined();
    expect(new KeySealer(Buffer.alloc(32, 4)).open(sealed, 'user-a')).toBeUndefined();
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(sealer.open(`v1.${raw.toString('base64url')}`, 'user-a')).toBeUndefined();
  });

  it('tickets expire and cannot be altered', () => {
    const t = sealer.sign({ u: 'user-a', n: 'alice', e: Date.now() + 1_000 });
    expect(sealer.verify(t)).toMatchObject({ u: 'user-a' });
    expect(sealer.verify(t, Date.now() + 2_000)).toBeUndefined();
    const [body, sig] = t.split('.');
    const forged = Buffer.from(JSON.stringify({ u: 'user-b', n: 'alice', e: Date.now() + 1_000 })).toString('base64url');
    expect(sealer.verify(`${forged}.${sig}`)).toBeUndefined();
    expect(sealer.verify(`${body}.`)).toBeUndefined();
  });
});

describe('sign-in configuration', () => {
  it('needs a public URL with an issuer and a 32-byte encryption key', () => {
    expect(() => loadConfig(['--http', '--oauth-issuer', 'https://id.example.com'], {})).toThrow(/--public-url \/ HEYGEN_MCP_PUBLIC_URL: required/);
    expect(() => loadConfig([], { HEYGEN_MCP_KEY_ENCRYPTION_KEY: 'too-short' })).toThrow(ConfigError);
    expect(() => loadConfig([], { HEYGEN_MCP_PUBLIC_URL: 'https://mcp.example.com/' })).toThrow(/ending in \/mcp/);
    const c = loadConfig(['--http', '--oauth-issuer', 'https://a.example.com,https://b.example.com/realms/x', '--public-url', 'https://mcp.example.com/mcp'], {
      HEYGEN_MCP_KEY_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('hex'), HEYGEN_MCP_TEAM_API_KEY: 'team',
    });
    expect(c).toMatchObject({ oauthIssuers: ['https://a.example.com', 'https://b.example.com/realms/x'], publicUrl: 'https://mcp.example.com/mcp', teamApiKey: 'team' });
    expect(loadConfig([], { HEYGEN_MCP_OAUTH_ISSUER: 'https://a.example.com', HEYGEN_MCP_PUBLIC_URL: 'https://mcp.example.com/mcp' }).oauthIssuers).toEqual(['https://a.example.com']);
  });
});
