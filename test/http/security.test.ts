import { once } from 'node:events';
import { connect as connectSocket, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { MemoryStateProvider } from '../../src/state/memory.js';
import { HttpStartError, startHttpServer } from '../../src/transports/http/server.js';
import { hosted, INIT_BODY, MCP_HEADERS, raw, streamableClient, waitFor, type HostedHarness } from './helpers.js';

const TOKEN = 'test-token-0123456789abcdef';
let h: HostedHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('DNS rebinding: Host and Origin', () => {
  it('refuses a foreign Host header with 403 on a loopback bind', async () => {
    h = await hosted();
    const r = await raw(h.http.url, { headers: { ...MCP_HEADERS, host: 'evil.example.com' }, body: INIT_BODY });
    expect(r.status).toBe(403);
    expect(h.http.sessions()).toBe(0);
    const ok = await raw(h.http.url, { headers: { ...MCP_HEADERS, host: `localhost:${h.http.port}` }, body: INIT_BODY });
    expect(ok.status).toBe(200);
  });

  it('refuses a foreign Origin with 403 and accepts a listed or loopback one with CORS headers', async () => {
    h = await hosted({ env: { HEYGEN_MCP_ALLOWED_ORIGINS: 'https://app.example.com' } });
    const bad = await raw(h.http.url, { headers: { ...MCP_HEADERS, origin: 'https://evil.example' }, body: INIT_BODY });
    expect(bad.status).toBe(403);
    const nul = await raw(h.http.url, { headers: { ...MCP_HEADERS, origin: 'null' }, body: INIT_BODY });
    expect(nul.status).toBe(403);
    const listed = await raw(h.http.url, { headers: { ...MCP_HEADERS, origin: 'https://app.example.com' }, body: INIT_BODY });
    expect(listed.status).toBe(200);
    expect(listed.headers['access-control-allow-origin']).toBe('https://app.example.com');
    expect(listed.headers['vary']).toBe('Origin');
    const local = await raw(h.http.url, { headers: { ...MCP_HEADERS, origin: 'http://localhost:5173' }, body: INIT_BODY });
    expect(local.status).toBe(200);
  });

  it('answers a CORS preflight only for allowed origins', async () => {
    h = await hosted({ env: { HEYGEN_MCP_ALLOWED_ORIGINS: 'https://app.example.com' } });
    const ok = await raw(h.http.url, { method: 'OPTIONS', headers: { origin: 'https://app.example.com', 'access-control-request-method': 'POST' } });
    expect(ok.status).toBe(204);
    expect(String(ok.headers['access-control-allow-headers'])).toContain('mcp-session-id');
    const bad = await raw(h.http.url, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(bad.status).toBe(403);
    expect(bad.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('bearer token', () => {
  it('answers 401 with WWW-Authenticate for a missing or wrong token, and serves the right one', async () => {
    h = await hosted({ env: { HEYGEN_MCP_HTTP_TOKEN: TOKEN } });
    const missing = await raw(h.http.url, { headers: MCP_HEADERS, body: INIT_BODY });
    expect(missing.status).toBe(401);
    expect(missing.headers['www-authenticate']).toMatch(/^Bearer/);
    const wrong = await raw(h.http.url, { headers: { ...MCP_HEADERS, authorization: `Bearer ${TOKEN}x` }, body: INIT_BODY });
    expect(wrong.status).toBe(401);
    const sse = await raw(`${h.base}/sse`, { method: 'GET' });
    expect(sse.status).toBe(401);
    expect(h.http.sessions()).toBe(0);
    const client = await streamableClient(h.http.url, { Authorization: `Bearer ${TOKEN}` });
    expect((await client.listTools()).tools.length).toBeGreaterThan(0);
    await client.close();
    expect(h.logs.join('\n')).not.toContain(TOKEN);
  });

  it('refuses to start off loopback without a token', async () => {
    const config = loadConfig(['--http', '--host', '0.0.0.0', '--port', '0'], {});
    const start = startHttpServer({ config, upstream: { apiKey: 'k', baseUrl: 'http://127.0.0.1:9', sandbox: false, close: async () => undefined }, states: new MemoryStateProvider(), log: silentLogger });
    await expect(start).rejects.toBeInstanceOf(HttpStartError);
    await expect(start).rejects.toThrow(/HEYGEN_MCP_HTTP_TOKEN/);
  });

  it('starts off loopback with a token, accepting IP-literal Hosts but not foreign names', async () => {
    h = await hosted({ argv: ['--http', '--host', '0.0.0.0', '--port', '0'], env: { HEYGEN_MCP_HTTP_TOKEN: TOKEN } });
    const url = `http://127.0.0.1:${h.http.port}/mcp`;
    const auth = { ...MCP_HEADERS, authorization: `Bearer ${TOKEN}` };
    expect((await raw(url, { headers: { ...auth, host: `10.1.2.3:${h.http.port}` }, body: INIT_BODY })).status).toBe(200);
    expect((await raw(url, { headers: { ...auth, host: 'rebind.attacker.example' }, body: INIT_BODY })).status).toBe(403);
  });
});

describe('request limits', () => {
  it('refuses a body over the limit with 413, by Content-Length and while streaming chunks', async () => {
    h = await hosted({ limits: { maxBodyBytes: 1024 } });
    const declared = await raw(h.http.url, { headers: { ...MCP_HEADERS, 'content-length': String(2 * 1024 * 1024) }, body: Buffer.alloc(0) });
    expect(declared.status).toBe(413);
    const chunked = await raw(h.http.url, { headers: MCP_HEADERS, chunks: [Buffer.alloc(800, 32), Buffer.alloc(800, 32)] });
    expect(chunked.status).toBe(413);
    const within = await raw(h.http.url, { headers: MCP_HEADERS, body: INIT_BODY.padEnd(1024, ' ') });
    expect(within.status).toBe(200);
  });

  it('answers 404 to an unknown session id and 400 to a non-initialize request without one', async () => {
    h = await hosted();
    const list = JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
    const unknown = await raw(h.http.url, { headers: { ...MCP_HEADERS, 'mcp-session-id': '2b1f0d8e-0000-4000-8000-000000000000' }, body: list });
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body).error.code).toBe(-32001);
    const none = await raw(h.http.url, { headers: MCP_HEADERS, body: list });
    expect(none.status).toBe(400);
    const junk = await raw(h.http.url, { headers: MCP_HEADERS, body: '{not json' });
    expect(junk.status).toBe(400);
    expect(h.http.sessions()).toBe(0);
  });

  it('caps live sessions: the one over the cap gets 503 with Retry-After', async () => {
    h = await hosted({ limits: { maxSessions: 5 } });
    const answers = await Promise.all(Array.from({ length: 8 }, () => raw(h!.http.url, { headers: MCP_HEADERS, body: INIT_BODY })));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 503, 503, 503]);
    expect(answers.find((a) => a.status === 503)?.headers['retry-after']).toBeDefined();
    expect(h.http.sessions()).toBe(5);
    const sse = await raw(`${h.base}/sse`, { method: 'GET' });
    expect(sse.status).toBe(503);
  });

  it('closes sessions idle past the TTL, freeing their slot, and then answers 404', async () => {
    h = await hosted({ limits: { idleTtlMs: 150 } });
    const init = await raw(h.http.url, { headers: MCP_HEADERS, body: INIT_BODY });
    const sid = init.headers['mcp-session-id'] as string;
    expect(h.http.sessions()).toBe(1);
    await waitFor(() => h!.http.sessions() === 0, 5_000);
    const after = await raw(h.http.url, { headers: { ...MCP_HEADERS, 'mcp-session-id': sid }, body: JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'ping' }) });
    expect(after.status).toBe(404);
  });

  // Node checks these limits on a timer (every 30 s by default); the server checks every second.
  it.each([
    ['trickled headers', { headersTimeoutMs: 2_000, requestTimeoutMs: 10_000 }, 2_000, (sock: Socket) => sock.write('POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\n'), (sock: Socket, i: number) => sock.write(`X-Slow-${i}: a\r\n`)],
    ['a slow body', { headersTimeoutMs: 2_000, requestTimeoutMs: 4_000 }, 4_000, (sock: Socket) => sock.write('POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{'), (sock: Socket) => sock.write(' ')],
  ] as const)('drops a client sending %s within a second of its limit', async (_label, limits, limitMs, open, drip) => {
    h = await hosted({ limits });
    const sock = connectSocket(h.http.port, '127.0.0.1');
    sock.on('error', () => undefined); // the server cutting us off mid-write is the point
    await once(sock, 'connect');
    const started = Date.now();
    open(sock);
    let i = 0;
    const timer = setInterval(() => { if (sock.writable) drip(sock, i++); }, 300);
    await new Promise((resolve) => sock.once('close', resolve));
    clearInterval(timer);
    const ms = Date.now() - started;
    expect(ms).toBeGreaterThanOrEqual(limitMs - 1_000);
    expect(ms).toBeLessThanOrEqual(limitMs + 1_000);
  }, 20_000);
});
