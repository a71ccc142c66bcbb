import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sandbox/index.js';
import { redisAvailable, startRedis, type RedisServer } from '../helpers/redis.js';
import { startReplica, type Replica } from './replicas.js';

const TASKS = { extensions: { 'io.modelcontextprotocol/tasks': {} } };

/** One 2026-07-28 request as a task-aware client sends it, straight to a replica. */
async function rpc(url: string, method: string, params: Record<string, unknown>): Promise<{ result?: any; error?: { code: number; message: string } }> {
  const name = (params.taskId ?? params.name) as string | undefined;
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2026-07-28', 'mcp-method': method, ...(name ? { 'mcp-name': name } : {}) },
    body: JSON.stringify({
      jsonrpc: '2.0', id: 1, method,
      params: { ...params, _meta: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientInfo': { name: 'replica-test', version: '0' }, 'io.modelcontextprotocol/clientCapabilities': TASKS } },
    }),
  });
  const text = await res.text();
  return JSON.parse(text.startsWith('{') ? text : text.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).at(-1)!);
}

/** Two replicas and Redis: a task made on one is read and finished on the other, and outlives a restart. */
describe.skipIf(!redisAvailable)('tasks across replicas sharing one Redis', () => {
  let redis: RedisServer;
  let sim: Simulator;
  let a: Replica;
  let b: Replica;
  let env: Record<string, string>;
  beforeAll(async () => {
    redis = await startRedis();
    // Speed 120: a Video Agent session (6 simulated minutes) finishes in about 3 s.
    sim = await startSimulator({ speed: 120 });
    env = { HEYGEN_MCP_REDIS_URL: redis.url, HEYGEN_API_BASE: sim.baseUrl, HEYGEN_API_KEY: sim.apiKey };
    [a, b] = await Promise.all([startReplica(env), startReplica(env)]);
  }, 30_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await sim?.close();
    await redis?.stop();
  });

  const finished = async (url: string, taskId: string, deadlineMs = 20_000) => {
    const end = Date.now() + deadlineMs;
    for (;;) {
      const r = await rpc(url, 'tasks/get', { taskId });
      if (['completed', 'failed', 'cancelled'].includes(r.result?.status) || Date.now() > end) return r;
      await new Promise((res) => setTimeout(res, 100));
    }
  };

  it('a task created on A is read on B at once and completes there with the finished video', async () => {
    const made = await rpc(a.url, 'tools/call', { name: 'create_video_agent', arguments: { prompt: 'Replica task: a teaser.' } });
    expect(made.result).toMatchObject({ resultType: 'task', status: 'working' });
    const onB = await rpc(b.url, 'tasks/get', { taskId: made.result.taskId });
    expect(onB.result).toMatchObject({ taskId: made.result.taskId, resultType: 'complete' });
    const done = await finished(b.url, made.result.taskId);
    expect(done.result.status).toBe('completed');
    expect(done.result.result.structuredContent.video_url).toContain('/files/');
    // Followed once: the session was read by one replica's poll schedule, not by every reader.
    const reads = sim.apiRequests().filter((r) => r.method === 'GET' && r.path === `/v3/video-agents/${done.result.result.structuredContent.session_id}`);
    expect(reads.length).toBeLessThanOrEqual(8);
  }, 30_000);

  it('a replica that never saw the task answers -32602 for an id that does not exist', async () => {
    const r = await rpc(b.url, 'tasks/get', { taskId: '00000000-0000-4000-8000-000000000000' });
    expect(r.error?.code).toBe(-32602);
  });

  it('after the replica that made a task restarts, tasks/get still answers and the task completes', async () => {
    const made = await rpc(a.url, 'tools/call', { name: 'create_video_agent', arguments: { prompt: 'Replica task: survives a restart.' } });
    await a.stop();
    a = await startReplica(env);
    const after = await rpc(a.url, 'tasks/get', { taskId: made.result.taskId });
    expect(after.result?.taskId).toBe(made.result.taskId);
    const done = await finished(a.url, made.result.taskId);
    expect(done.result.status).toBe('completed');
  }, 40_000);
});
