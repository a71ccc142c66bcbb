/**
 * Matrix D (anchors-reliability §4): the API key never leaves through any output. A canary key is
 * searched, whole and by its last 8 characters, in everything the built bin says: every stdout
 * byte (tool results, errors, resources, prompts, tools/list) and every stderr line at debug level.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sandbox/index.js';
import { requiredArgs, spawnRaw, type RawChild } from './helpers.js';

const CANARY = 'sk-CANARY-3b9e7d1f5a2c4e6b8d0f';
const TAIL = CANARY.slice(-8);
const NOISY = { DEBUG: '*', NODE_DEBUG: 'http,net,undici,fetch', HEYGEN_MCP_LOG_LEVEL: 'debug' };

let sim: Simulator;
let echo: Server;
let echoUrl: string;
beforeAll(async () => {
  sim = await startSimulator({ apiKeys: [CANARY], speed: 60 });
  // A hostile upstream: every answer echoes the key it was sent, in the message, the param, a
  // URL with ?api_key= and an HTML page, as a careless proxy or API might.
  echo = createServer((req, res) => {
    const key = String(req.headers['x-api-key'] ?? '');
    const url = `https://api.heygen.com${req.url ?? '/'}?api_key=${key}`;
    if ((req.url ?? '').includes('users')) {
      res.writeHead(502, { 'content-type': 'text/html' }).end(`<html><body>Bad gateway for ${key} at ${url}</body></html>`);
      return;
    }
    res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'invalid_parameter', message: `key ${key} is not allowed for ${url}`, param: key } }));
  });
  await new Promise<void>((r) => echo.listen(0, '127.0.0.1', r));
  echoUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await sim.close();
  await new Promise((r) => echo.close(r));
});

/** Drives every surface of the server once: tools/list, every tool, resources, templates, prompts. */
async function sweep(c: RawChild): Promise<number> {
  let calls = 0;
  await c.initialize();
  const tools = (await c.request('tools/list')).result.tools as { name: string; inputSchema: object }[];
  for (const t of tools) {
    await c.request('tools/call', { name: t.name, arguments: requiredArgs(t.inputSchema) }, 20_000);
    await c.request('tools/call', { name: t.name, arguments: { bogus: CANARY } }, 20_000);
    calls += 2;
  }
  const resources = (await c.request('resources/list')).result.resources as { uri: string }[];
  for (const r of resources) { await c.request('resources/read', { uri: r.uri }, 20_000); calls++; }
  const templates = (await c.request('resources/templates/list')).result.resourceTemplates as { uriTemplate: string }[];
  for (const t of templates) { await c.request('resources/read', { uri: t.uriTemplate.replace(/\{[^}]+\}/g, 'abc123') }, 20_000); calls++; }
  const prompts = (await c.request('prompts/list')).result.prompts as { name: string; arguments?: { name: string; required?: boolean }[] }[];
  for (const p of prompts) {
    const args = Object.fromEntries((p.arguments ?? []).filter((a) => a.required).map((a) => [a.name, 'A 30 second product teaser']));
    await c.request('prompts/get', { name: p.name, arguments: args }, 20_000);
    calls++;
  }
  await c.request('logging/setLevel', { level: 'debug' });
  return calls;
}

async function finish(c: RawChild): Promise<string> {
  c.child.stdin!.end();
  await c.exit(3_000);
  return c.stdout() + '\n' + c.stderr();
}

describe('D1–D3: canary key', () => {
  it('full sweep against the simulator at debug log level with DEBUG=* / NODE_DEBUG → every tool, resource, template, prompt and tools/list answered; 0 matches of the key or its last 8 chars in stdout or stderr', async () => {
    const c = spawnRaw(['--toolsets', 'all'], { HEYGEN_API_KEY: CANARY, HEYGEN_API_BASE: sim.baseUrl, ...NOISY });
    const calls = await sweep(c);
    expect(calls).toBeGreaterThan(40);
    const all = await finish(c);
    expect(sim.apiRequests().length).toBeGreaterThan(10);
    expect(all).not.toContain(CANARY);
    expect(all).not.toContain(TAIL);
  }, 60_000);

  it('an upstream that echoes the key in error messages, params, ?api_key= URLs and HTML pages → every error text and log line is scrubbed: 0 matches of the key or its last 8 chars', async () => {
    const c = spawnRaw(['--toolsets', 'all'], { HEYGEN_API_KEY: CANARY, HEYGEN_API_BASE: echoUrl, HEYGEN_MAX_RETRIES: '0', ...NOISY });
    await sweep(c);
    const r = await c.request('tools/call', { name: 'get_account', arguments: {} });
    expect(r.result.isError).toBe(true);
    const all = await finish(c);
    expect(all).not.toContain(CANARY);
    expect(all).not.toContain(TAIL);
  }, 60_000);
});

describe('D7: a key HeyGen refuses', () => {
  it('wrong key → isError names HEYGEN_API_KEY, never the value (whole or last 8 chars)', async () => {
    const wrong = 'sk-CANARY-wrong-9c8b7a6d5e4f';
    const c = spawnRaw([], { HEYGEN_API_KEY: wrong, HEYGEN_API_BASE: sim.baseUrl, ...NOISY });
    await c.initialize();
    const r = await c.request('tools/call', { name: 'get_account', arguments: {} });
    expect(r.result.isError).toBe(true);
    expect(JSON.stringify(r.result)).toContain('HEYGEN_API_KEY');
    const all = await finish(c);
    expect(all).not.toContain(wrong);
    expect(all).not.toContain(wrong.slice(-8));
  });
});
