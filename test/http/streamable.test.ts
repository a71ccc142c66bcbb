import type { Client } from '@modelcontextprotocol/client';
import { afterEach, describe, expect, it } from 'vitest';
import { callOk, hosted, modernClient, raw, sseClient, streamableClient, waitFor, MCP_HEADERS, type HostedHarness } from './helpers.js';

let h: HostedHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/**
 * What every path must carry: a tool call that reaches HeyGen with the right key, a resource,
 * a prompt, and progress notifications while a call runs (wait_for_job on a Video Agent session
 * reports percent progress).
 */
async function exercise(client: Client, hh: HostedHarness): Promise<void> {
  const account = await callOk(client, 'get_account');
  expect(account.username).toMatch(/^sandbox/);
  const upstream = hh.sim.apiRequests().filter((r) => r.path === '/v3/users/me');
  expect(upstream.at(-1)?.headers['x-api-key']).toBe(hh.sim.apiKey);

  const templates = await client.listResourceTemplates();
  expect(templates.resourceTemplates.map((t) => t.uriTemplate)).toContain('heygen://docs/{topic}');
  const read = await client.readResource({ uri: 'heygen://docs/errors' });
  expect(read.contents[0]).toMatchObject({ mimeType: 'text/markdown' });

  const prompt = await client.getPrompt({ name: 'video_agent_prompt', arguments: { brief: 'a product launch' } });
  expect(prompt.messages.length).toBeGreaterThan(0);

  const session = await callOk(client, 'create_video_agent', { prompt: 'A thirty second launch video for a coffee grinder.' });
  const progress: number[] = [];
  const waited = await client.callTool({ name: 'wait_for_job', arguments: { kind: 'video_agent_session', id: session.session_id, timeout_seconds: 2 } }, {
    onprogress: (p) => progress.push(p.progress),
  });
  expect(waited.isError ?? false).toBe(false);
  expect(progress.length).toBeGreaterThan(0);
}

describe('/mcp for 2026-07-28 clients (stateless)', () => {
  it('serves tools, resources, prompts and progress with no session: nothing is held between requests', async () => {
    h = await hosted();
    const client = await modernClient(h.http.url);
    expect(client.getProtocolEra()).toBe('modern');
    await exercise(client, h);
    expect(h.http.sessions()).toBe(0);
    expect(client.getServerCapabilities()?.resources?.subscribe).toBe(true);
    await client.close();
  });

  it('an auto-negotiating client lands on 2026-07-28', async () => {
    h = await hosted();
    const client = await streamableClient(h.http.url, {}, 'auto');
    expect(client.getProtocolEra()).toBe('modern');
    expect((await client.listTools()).tools.length).toBeGreaterThan(40);
    await client.close();
  });

  it('a request whose headers disagree with its envelope is refused with -32020 and the request id, and no tool runs', async () => {
    h = await hosted();
    const body = {
      jsonrpc: '2.0', id: 41, method: 'tools/call',
      params: {
        name: 'get_account', arguments: {},
        _meta: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientInfo': { name: 'raw', version: '0' }, 'io.modelcontextprotocol/clientCapabilities': {} },
      },
    };
    const r = await raw(h.http.url, { headers: { ...MCP_HEADERS, 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'tools/list', 'mcp-name': 'get_account' }, body: JSON.stringify(body) });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toMatchObject({ id: 41, error: { code: -32020 } });
    expect(h.sim.apiRequests()).toHaveLength(0);
  });

  it('initialize and ping are not methods of the 2026-07-28 path (404 / -32601)', async () => {
    h = await hosted();
    const meta = { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientInfo': { name: 'raw', version: '0' }, 'io.modelcontextprotocol/clientCapabilities': {} };
    const r = await raw(h.http.url, {
      headers: { ...MCP_HEADERS, 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'ping' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'ping', params: { _meta: meta } }),
    });
    expect(r.status).toBe(404);
    expect(JSON.parse(r.body)).toMatchObject({ id: 7, error: { code: -32601 } });
  });
});

describe('/mcp for 2025 clients (sessions)', () => {
  it('serves tools, resources, prompts and progress in a stateful session', async () => {
    h = await hosted();
    const client = await streamableClient(h.http.url);
    expect(client.getProtocolEra()).toBe('legacy');
    expect(h.http.sessions()).toBe(1);
    await exercise(client, h);
    expect(client.getServerCapabilities()?.resources?.subscribe).toBe(true);
    await client.close();
  });

  it('ends a session on DELETE: its id then answers 404 and the table frees it', async () => {
    h = await hosted();
    const client = await streamableClient(h.http.url);
    const transport = client.transport as unknown as { terminateSession(): Promise<void>; sessionId?: string };
    const sid = transport.sessionId as string;
    await transport.terminateSession();
    expect(h.http.sessions()).toBe(0);
    const r = await raw(h.http.url, {
      headers: { ...MCP_HEADERS, 'mcp-session-id': sid },
      body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }),
    });
    expect(r.status).toBe(404);
  });

  it('logs one line per request with method, path, status, duration and a session prefix only', async () => {
    h = await hosted({ serverKey: null });
    const client = await streamableClient(h.http.url, { 'X-HeyGen-Api-Key': h.sim.apiKey });
    await callOk(client, 'get_account');
    await client.close();
    const lines = h.logs.filter((l) => l.includes(' http {'));
    expect(lines.length).toBeGreaterThanOrEqual(3);
    const fields = JSON.parse(lines.at(-1)!.slice(lines.at(-1)!.indexOf('{')));
    expect(fields).toMatchObject({ method: expect.any(String), path: '/mcp', status: expect.any(Number), ms: expect.any(Number) });
    expect(fields.session).toHaveLength(8);
    expect(h.logs.join('\n')).not.toContain(h.sim.apiKey);
  });
});

describe('/healthz', () => {
  it('answers with the version; the session count only with the token', async () => {
    h = await hosted({ env: { HEYGEN_MCP_HTTP_TOKEN: 'a-very-long-test-token-123' } });
    const anon = await raw(`${h.base}/healthz`, { method: 'GET' });
    expect(anon.status).toBe(200);
    expect(JSON.parse(anon.body)).toEqual({ ok: true, version: expect.any(String) });
    const authed = await raw(`${h.base}/healthz`, { method: 'GET', headers: { authorization: 'Bearer a-very-long-test-token-123' } });
    expect(JSON.parse(authed.body)).toMatchObject({ ok: true, sessions: 0 });
  });
});

describe('legacy HTTP+SSE at /sse and /messages', () => {
  it('serves tools, resources, prompts and progress', async () => {
    h = await hosted();
    const client = await sseClient(h.base);
    expect(h.http.sessions()).toBe(1);
    await exercise(client, h);
    await client.close();
    await waitFor(() => h!.http.sessions() === 0);
  });

  it('answers 404 to /messages for an unknown session', async () => {
    h = await hosted();
    const r = await raw(`${h.base}/messages?sessionId=00000000-0000-0000-0000-000000000000`, {
      headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' }),
    });
    expect(r.status).toBe(404);
  });
});

describe('--stateless', () => {
  it('serves 2025 clients request by request and keeps no sessions; 2026 clients as always', async () => {
    h = await hosted({ argv: ['--http', '--port', '0', '--stateless'] });
    const client = await streamableClient(h.http.url);
    expect((await callOk(client, 'get_account')).username).toMatch(/^sandbox/);
    await callOk(client, 'get_account');
    expect(h.http.sessions()).toBe(0);
    const get = await raw(h.http.url, { method: 'GET', headers: { accept: 'text/event-stream' } });
    expect(get.status).toBe(405);
    await client.close();
    const modern = await modernClient(h.http.url);
    expect((await callOk(modern, 'get_account')).username).toMatch(/^sandbox/);
    await modern.close();
  });
});

describe('graceful shutdown', () => {
  it.each(['legacy', 'modern'] as const)('finishes a call in flight before closing (%s client)', async (era) => {
    h = await hosted();
    const client = era === 'modern' ? await modernClient(h.http.url) : await streamableClient(h.http.url);
    const session = await callOk(client, 'create_video_agent', { prompt: 'A thirty second launch video for a coffee grinder.' });
    const pending = client.callTool({ name: 'wait_for_job', arguments: { kind: 'video_agent_session', id: session.session_id, timeout_seconds: 1 } });
    await waitFor(() => h!.sim.apiRequests().some((r) => r.path === `/v3/video-agents/${session.session_id}`));
    const closed = h.http.close();
    await expect(pending).resolves.toMatchObject({ structuredContent: { id: session.session_id } });
    await closed;
    expect(h.http.sessions()).toBe(0);
  });
});
