import { afterEach, describe, expect, it } from 'vitest';
import { callOk, hosted, raw, sseClient, streamableClient, waitFor, type HostedHarness } from './helpers.js';

let h: HostedHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('Streamable HTTP at /mcp', () => {
  it('serves tools, resources, prompts and progress in a stateful session', async () => {
    h = await hosted();
    const client = await streamableClient(h.http.url);
    expect(h.http.sessions()).toBe(1);

    const account = await callOk(client, 'get_account');
    expect(account.username).toMatch(/^sandbox_/);
    const upstream = h.sim.apiRequests().filter((r) => r.path === '/v3/users/me');
    expect(upstream).toHaveLength(1);
    expect(upstream[0]?.headers['x-api-key']).toBe(h.sim.apiKey);

    const resources = await client.listResources();
    expect(resources.resources.map((r) => r.uri)).toContain('test://probe');
    const read = await client.readResource({ uri: 'test://probe' });
    expect(read.contents[0]).toMatchObject({ text: 'probe resource' });

    const prompt = await client.getPrompt({ name: 'probe_prompt', arguments: { topic: 'cats' } });
    expect(prompt.messages[0]?.content).toMatchObject({ text: 'about cats' });

    const progress: number[] = [];
    const result = await client.callTool({ name: 'slow_probe', arguments: { ms: 60 } }, {
      onprogress: (p) => progress.push(p.progress),
    });
    expect(result.content).toEqual([{ type: 'text', text: 'slow done' }]);
    expectProgress(progress);

    expect(client.getServerCapabilities()?.resources?.subscribe).toBe(true);
    await client.close();
  });

  it('answers /healthz with version and live session count, without a token', async () => {
    h = await hosted({ env: { HEYGEN_MCP_HTTP_TOKEN: 'a-very-long-test-token-123' } });
    const r = await raw(`${h.base}/healthz`, { method: 'GET' });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, sessions: 0 });
    expect(typeof JSON.parse(r.body).version).toBe('string');
  });

  it('ends a session on DELETE: its id then answers 404 and the table frees it', async () => {
    h = await hosted();
    const client = await streamableClient(h.http.url);
    const transport = client.transport as unknown as { terminateSession(): Promise<void>; sessionId?: string };
    const sid = transport.sessionId as string;
    await transport.terminateSession();
    expect(h.http.sessions()).toBe(0);
    const r = await raw(h.http.url, {
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-session-id': sid },
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

describe('legacy HTTP+SSE at /sse and /messages', () => {
  it('serves tools, resources, prompts and progress', async () => {
    h = await hosted();
    const client = await sseClient(h.base);
    expect(h.http.sessions()).toBe(1);
    const account = await callOk(client, 'get_account');
    expect(account.username).toMatch(/^sandbox_/);
    expect((await client.listResources()).resources.map((r) => r.uri)).toContain('test://probe');
    expect((await client.getPrompt({ name: 'probe_prompt', arguments: { topic: 'dogs' } })).messages).toHaveLength(1);
    const progress: number[] = [];
    await client.callTool({ name: 'slow_probe', arguments: { ms: 30 } }, { onprogress: (p) => progress.push(p.progress) });
    expectProgress(progress);
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

describe('stateless mode', () => {
  it('serves every request with a fresh server and keeps no sessions', async () => {
    h = await hosted({ argv: ['--http', '--port', '0', '--stateless'] });
    const client = await streamableClient(h.http.url);
    const account = await callOk(client, 'get_account');
    expect(account.username).toMatch(/^sandbox_/);
    await callOk(client, 'get_account');
    expect(h.http.sessions()).toBe(0);
    expect(client.getServerCapabilities()?.resources?.subscribe).toBeUndefined();
    const get = await raw(h.http.url, { method: 'GET', headers: { accept: 'text/event-stream' } });
    expect(get.status).toBe(405);
    await client.close();
  });
});

describe('graceful shutdown', () => {
  it('finishes a call in flight before closing', async () => {
    h = await hosted();
    const client = await streamableClient(h.http.url);
    const pending = client.callTool({ name: 'slow_probe', arguments: { ms: 300 } });
    await new Promise((r) => setTimeout(r, 50));
    const closed = h.http.close();
    await expect(pending).resolves.toMatchObject({ content: [{ type: 'text', text: 'slow done' }] });
    await closed;
    expect(h.http.sessions()).toBe(0);
  });
});

/** The client handles notifications a microtask late, so the last one may land after the result. */
function expectProgress(progress: number[]): void {
  expect(progress.length).toBeGreaterThanOrEqual(2);
  expect(progress.slice(0, 2)).toEqual([1, 2]);
}
