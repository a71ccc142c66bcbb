import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startSimulator, type Simulator } from '../../src/sandbox/index.js';
import { signWebhook } from '../../src/hosted/webhook.js';
import { hosted, raw, streamableClient, type HostedHarness } from '../http/helpers.js';

const TASKS = { extensions: { 'io.modelcontextprotocol/tasks': {} } };
const envelope = (caps: Record<string, unknown>) => ({ 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientInfo': { name: 'transport-test', version: '0' }, 'io.modelcontextprotocol/clientCapabilities': caps });
const terminal = (s: unknown) => ['completed', 'failed', 'cancelled'].includes(String(s));

async function post(url: string, method: string, params: Record<string, unknown>, headers: Record<string, string> = {}): Promise<{ result?: any; error?: any }> {
  const name = (params.taskId ?? params.name) as string | undefined;
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2026-07-28', 'mcp-method': method, ...(name ? { 'mcp-name': name } : {}), ...headers },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params: { ...params, _meta: envelope(TASKS) } }),
  });
  const text = await res.text();
  return JSON.parse(text.startsWith('{') ? text : text.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).at(-1)!);
}

async function poll<T>(read: () => Promise<T>, done: (v: T) => boolean, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (done(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('tasks over Streamable HTTP', () => {
  let h: HostedHarness;
  beforeAll(async () => { h = await hosted({ sim: { speed: 600, apiKeys: ['sk_task_a', 'sk_task_b'] }, serverKey: null }); });
  afterAll(async () => { await h.close(); });

  it('2026-07-28: a render started as a task completes through tasks/get', async () => {
    const made = await post(h.http.url, 'tools/call', { name: 'create_video_agent', arguments: { prompt: 'HTTP task' } }, { 'x-heygen-api-key': 'sk_task_a' });
    expect(made.result).toMatchObject({ resultType: 'task', status: 'working' });
    const done = await poll(() => post(h.http.url, 'tasks/get', { taskId: made.result.taskId }, { 'x-heygen-api-key': 'sk_task_a' }), (r) => terminal(r.result?.status));
    expect(done.result.status).toBe('completed');
    expect(done.result.result.structuredContent.video_url).toContain('/files/');
  });

  it('2026-07-28: another HeyGen key cannot read or cancel the task (-32602)', async () => {
    const made = await post(h.http.url, 'tools/call', { name: 'create_video_agent', arguments: { prompt: 'Private task' } }, { 'x-heygen-api-key': 'sk_task_a' });
    const other = await post(h.http.url, 'tasks/get', { taskId: made.result.taskId }, { 'x-heygen-api-key': 'sk_task_b' });
    expect(other.error?.code).toBe(-32602);
    expect((await post(h.http.url, 'tasks/cancel', { taskId: made.result.taskId }, { 'x-heygen-api-key': 'sk_task_b' })).error?.code).toBe(-32602);
    expect(h.sim.apiRequests().some((r) => /\/stop$/.test(r.path))).toBe(false);
  });

  it('2025-11-25 session: params.task makes a task whose tasks/result is the finished render', async () => {
    const client = await streamableClient(h.http.url, { 'x-heygen-api-key': 'sk_task_a' });
    try {
      const made = await client.request({ method: 'tools/call', params: { name: 'create_video_agent', arguments: { prompt: 'Legacy HTTP task' }, task: {} } } as never, z.any() as never) as any;
      expect(made.task.status).toBe('working');
      const result = await client.request({ method: 'tasks/result', params: { taskId: made.task.taskId } } as never, z.any() as never) as any;
      expect(result.structuredContent).toMatchObject({ done: true, status: 'completed' });
    } finally {
      await client.close();
    }
  });
});

describe('a webhook finishes a task without waiting for the next poll', () => {
  const SECRET = 'whsec_tasks_test_1234';
  let h: HostedHarness;
  // The watcher waits 20 s after its first read: only the webhook can finish the task sooner.
  beforeAll(async () => { h = await hosted({ sim: { speed: 120 }, env: { HEYGEN_MCP_WEBHOOK_SECRET: SECRET }, limits: { pollMinMs: 20_000, pollMaxMs: 60_000 } }); });
  afterAll(async () => { await h.close(); });

  it('avatar_video.success for the task’s session completes it long before the next poll is due', async () => {
    const made = await post(h.http.url, 'tools/call', { name: 'create_video_agent', arguments: { prompt: 'Webhook task' } });
    const sessionId = /session (\w+)/.exec(made.result.statusMessage)![1]!;
    // Let the render finish on HeyGen's side (the simulator), then tell the server as HeyGen would.
    await poll(async () => (await fetch(`${h.sim.baseUrl}/v3/video-agents/${sessionId}`, { headers: { 'x-api-key': h.sim.apiKey } }).then((r) => r.json()) as any).data.status, (s) => s === 'completed');
    const body = JSON.stringify({ event_type: 'avatar_video.success', event_data: { session_id: sessionId } });
    const r = await raw(`${h.base}/webhooks/heygen`, { headers: { 'content-type': 'application/json', 'x-heygen-signature': signWebhook(SECRET, body) }, body });
    expect(r.status).toBe(200);
    const done = await poll(() => post(h.http.url, 'tasks/get', { taskId: made.result.taskId }), (x) => terminal(x.result?.status), 5_000);
    expect(done.result.status).toBe('completed');
  }, 20_000);

  it('a webhook about another job leaves the task working', async () => {
    const made = await post(h.http.url, 'tools/call', { name: 'create_video_agent', arguments: { prompt: 'Webhook task, other job' } });
    const body = JSON.stringify({ event_type: 'avatar_video.success', event_data: { video_id: 'ffffffffffffffffffffffffffffffff' } });
    await raw(`${h.base}/webhooks/heygen`, { headers: { 'content-type': 'application/json', 'x-heygen-signature': signWebhook(SECRET, body) }, body });
    const got = await post(h.http.url, 'tasks/get', { taskId: made.result.taskId });
    expect(got.result.status).toBe('working');
  });
});

const BIN = fileURLToPath(new URL('../../dist/index.js', import.meta.url));

describe.skipIf(!existsSync(BIN))('tasks over stdio (the built bin)', () => {
  let sim: Simulator;
  beforeAll(async () => { sim = await startSimulator({ speed: 600, apiKeys: ['sk_task_stdio'] }); });
  afterAll(async () => { await sim.close(); });
  const transport = () => new StdioClientTransport({ command: process.execPath, args: [BIN], env: { PATH: process.env.PATH ?? '', HEYGEN_API_KEY: 'sk_task_stdio', HEYGEN_API_BASE: sim.baseUrl, HEYGEN_MCP_LOG_LEVEL: 'warn' } });

  it('2025-11-25: a task-augmented create_video_agent ends with the finished video from tasks/result', async () => {
    const client = new Client({ name: 'stdio-task', version: '0' }, { capabilities: { tasks: { requests: {} } } as never });
    await client.connect(transport());
    try {
      const made = await client.request({ method: 'tools/call', params: { name: 'create_video_agent', arguments: { prompt: 'Stdio task' }, task: {} } } as never, z.any() as never) as any;
      const result = await client.request({ method: 'tasks/result', params: { taskId: made.task.taskId } } as never, z.any() as never, { timeout: 20_000 }) as any;
      expect(result.structuredContent.video_url).toContain('/files/');
    } finally {
      await client.close();
    }
  }, 30_000);

  it('2026-07-28: server/discover, then a tools/call answered with a task that completes', async () => {
    const t = transport();
    const answers = new Map<number, any>();
    t.onmessage = (m: any) => { if (m.id !== undefined) answers.set(m.id, m); };
    await t.start();
    let id = 0;
    const ask = async (method: string, params: Record<string, unknown>) => {
      const mine = ++id;
      await t.send({ jsonrpc: '2.0', id: mine, method, params: { ...params, _meta: envelope(TASKS) } } as never);
      return poll(async () => answers.get(mine), (a) => a !== undefined, 10_000);
    };
    try {
      const d = await ask('server/discover', {});
      expect(d.result.capabilities.extensions).toMatchObject(TASKS.extensions);
      const made = await ask('tools/call', { name: 'create_video_agent', arguments: { prompt: 'Stdio modern task' } });
      expect(made.result.resultType).toBe('task');
      const done = await poll(() => ask('tasks/get', { taskId: made.result.taskId }), (a) => terminal(a.result?.status), 20_000);
      expect(done.result.status).toBe('completed');
      expect(done.result.result.structuredContent.video_url).toContain('/files/');
    } finally {
      await t.close();
    }
  }, 30_000);
});
