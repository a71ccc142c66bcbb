#!/usr/bin/env node
// Token validation overhead (issue 18): what a signed-in request costs over a static-token one,
// with the issuer's keys already cached. One heygen-mcp HTTP server accepts both; the same
// 2026-07-28 tools/list request is sent alternately with the static token and with a JWT access
// token (RS256, checked for signature, issuer, audience, expiry and scope), and the p50 latencies
// are compared. The verifier alone is timed too. Run after `npm run build`: node bench/oauth.mjs
import { createServer } from 'node:http';
import { createServer as createNet } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { request } from 'undici';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const dist = (p) => import(pathToFileURL(here(`../dist/${p}`)).href);
const N = Number(process.env.BENCH_OAUTH_REQUESTS ?? 2000);
const WARM = 200;
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]; };
const r3 = (x) => Math.round(x * 1000) / 1000;

const freePort = () => new Promise((resolve) => { const s = createNet(); s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); }); });

// A minimal issuer: RFC 8414 metadata and a JWKS (the bench measures the resource server, not an IdP).
const { privateKey, publicKey } = await generateKeyPair('RS256');
const jwk = { ...(await exportJWK(publicKey)), kid: 'bench', alg: 'RS256', use: 'sig' };
let jwksFetches = 0;
const idp = createServer((req, res) => {
  const base = `http://127.0.0.1:${idp.address().port}`;
  if (req.url === '/.well-known/openid-configuration') return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ issuer: base, jwks_uri: `${base}/jwks` }));
  if (req.url === '/jwks') { jwksFetches++; return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })); }
  res.writeHead(404).end();
});
await new Promise((r) => idp.listen(0, '127.0.0.1', r));
const issuer = `http://127.0.0.1:${idp.address().port}`;

const { loadConfig } = await dist('config.js');
const { createLogger } = await dist('log.js');
const { MemoryStateProvider } = await dist('state/memory.js');
const { startHttpServer } = await dist('transports/http/server.js');
const { ResourceServer } = await dist('transports/http/oauth.js');

const port = await freePort();
const publicUrl = `http://127.0.0.1:${port}/mcp`;
const STATIC = 'bench-static-token-0123456789';
const config = loadConfig(['--http', '--port', String(port), '--oauth-issuer', issuer, '--public-url', publicUrl], {
  HEYGEN_MCP_HTTP_TOKEN: STATIC, HEYGEN_MCP_KEY_ENCRYPTION_KEY: Buffer.alloc(32, 5).toString('base64'), HEYGEN_MCP_LOG_LEVEL: 'silent',
});
const log = createLogger('silent', () => undefined);
const http = await startHttpServer({ config, upstream: { apiKey: 'sk_bench', baseUrl: 'http://127.0.0.1:9', sandbox: false, close: async () => undefined }, states: new MemoryStateProvider(), log });

const jwt = await new SignJWT({ scope: 'heygen:read heygen:write', preferred_username: 'bench' })
  .setProtectedHeader({ alg: 'RS256', kid: 'bench', typ: 'at+jwt' }).setIssuer(issuer).setAudience(publicUrl).setSubject('bench-user')
  .setIssuedAt().setExpirationTime('1h').sign(privateKey);

const meta = { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientInfo': { name: 'bench', version: '0' }, 'io.modelcontextprotocol/clientCapabilities': {} };
const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: { _meta: meta } });
async function once(token) {
  const t0 = performance.now();
  const r = await request(publicUrl, { method: 'POST', body, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'tools/list' } });
  await r.body.text();
  if (r.statusCode !== 200) throw new Error(`HTTP ${r.statusCode}`);
  return performance.now() - t0;
}

for (let i = 0; i < WARM; i++) { await once(STATIC); await once(jwt); }
const fetchesAfterWarm = jwksFetches;
const plain = [];
const signed = [];
for (let i = 0; i < N; i++) {
  // Alternate which goes first so drift on a shared machine hits both alike.
  if (i % 2) { plain.push(await once(STATIC)); signed.push(await once(jwt)); } else { signed.push(await once(jwt)); plain.push(await once(STATIC)); }
}

const fetchesWhileMeasuring = jwksFetches - fetchesAfterWarm;

// The verifier alone (warm keys): parse, signature, claims, scope, person id.
const rs = new ResourceServer({ issuers: [issuer], publicUrl, log });
for (let i = 0; i < WARM; i++) await rs.authenticate(`Bearer ${jwt}`);
const alone = [];
for (let i = 0; i < N; i++) { const t0 = performance.now(); await rs.authenticate(`Bearer ${jwt}`); alone.push(performance.now() - t0); }

await http.close();
idp.close();

const added = pct(signed, 50) - pct(plain, 50);
const result = {
  requests: N,
  static_p50_ms: r3(pct(plain, 50)), jwt_p50_ms: r3(pct(signed, 50)), added_p50_ms: r3(added),
  static_p99_ms: r3(pct(plain, 99)), jwt_p99_ms: r3(pct(signed, 99)),
  verifier_alone_p50_ms: r3(pct(alone, 50)), verifier_alone_p99_ms: r3(pct(alone, 99)),
  jwks_fetches_during_measure: fetchesWhileMeasuring,
  limit_ms: 1, met: added <= 1,
};
process.stdout.write(`token validation (warm JWKS, ${N} requests each, tools/list on 2026-07-28)
  static token p50 ${result.static_p50_ms} ms · JWT p50 ${result.jwt_p50_ms} ms · added p50 ${result.added_p50_ms} ms (limit 1 ms: ${result.met ? 'met' : 'NOT met'})
  verifier alone p50 ${result.verifier_alone_p50_ms} ms, p99 ${result.verifier_alone_p99_ms} ms · JWKS fetches while measuring: ${result.jwks_fetches_during_measure}
${JSON.stringify(result)}
`);
