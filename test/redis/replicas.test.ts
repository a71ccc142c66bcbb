import type { CallToolResult, Client } from '@modelcontextprotocol/client';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sandbox/index.js';
import { keyIdOf } from '../../src/state/contract.js';
import { redisAvailable, startRedis, type RedisServer } from '../helpers/redis.js';
import { mcpClient, readSse, roundRobinClient, startReplica, type Replica } from './replicas.js';

/** Two `node dist/index.js --http` processes sharing one Redis and one simulated HeyGen. */
describe.skipIf(!redisAvailable)('two replicas sharing one Redis', () => {
  let redis: RedisServer;
  let sim: Simulator;
  let a: Replica;
  let b: Replica;
  let ca: Client;
  let cb: Client;
  beforeAll(async () => {
    redis = await startRedis();
    // Speed 120: a Video Agent session (6 simulated minutes) finishes in about 3 s.
    sim = await startSimulator({ speed: 120 });
    const env = { HEYGEN_MCP_REDIS_URL: redis.url, HEYGEN_API_BASE: sim.baseUrl, HEYGEN_API_KEY: sim.apiKey };
    [a, b] = await Promise.all([startReplica(env), startReplica(env)]);
    [ca, cb] = await Promise.all([mcpClient(a.url), mcpClient(b.url)]);
  }, 30_000);
  afterAll(async () => {
    await ca?.close().catch(() => undefined);
    await cb?.close().catch(() => undefined);
    await Promise.all([a?.stop(), b?.stop()]);
    await sim?.close();
    await redis?.stop();
  });

  const call = async (c: Client, name: string, args: Record<string, unknown>) => (await c.callTool({ name, arguments: args })) as CallToolResult;
  const posts = () => sim.apiRequests().filter((r) => r.method === 'POST' && r.path === '/v3/video-agents');

  it('the same create on replica A then on replica B spends once and B returns A\'s job', async () => {
    sim.clearRequests();
    const ra = await call(ca, 'create_video_agent', { prompt: 'Replica test: a 30 second product teaser.' });
    const rb = await call(cb, 'create_video_agent', { prompt: 'Replica test: a 30 second product teaser.' });
    expect(ra.isError).toBeFalsy();
    expect(rb.isError).toBeFalsy();
    expect(rb.structuredContent).toMatchObject({ session_id: (ra.structuredContent as { session_id: string }).session_id, reused: true });
    expect(posts()).toHaveLength(1);
  });

  it('a subscription on B is notified when A\'s poller sees the job change', async () => {
    const r = await call(ca, 'create_video_agent', { prompt: 'Replica test: subscription fan-out.' });
    const link = r.content.find((c) => c.type === 'resource_link');
    expect(link).toBeDefined();
    const uri = (link as { uri: string }).uri;
    const seenOnB: string[] = [];
    cb.setNotificationHandler('notifications/resources/updated', (n) => { seenOnB.push(n.params.uri); });
    await ca.subscribeResource({ uri });
    // A's first poll takes the job's lease; B then only listens.
    await expect.poll(() => sim.apiRequests().some((q) => q.method === 'GET' && uri.endsWith(q.path.split('/').pop()!)), { timeout: 5_000, interval: 20 }).toBe(true);
    await cb.subscribeResource({ uri });
    await expect.poll(() => seenOnB, { timeout: 15_000, interval: 100 }).toContain(uri);
  });

  it('2026-07-28: one client\'s requests alternate between A and B with no affinity, and every one is answered', async () => {
    const { client, hits } = await roundRobinClient([a.url, b.url]);
    try {
      expect(client.getProtocolEra()).toBe('modern');
      for (let i = 0; i < 3; i++) {
        expect((await client.listTools()).tools.length).toBeGreaterThan(40);
        expect((await call(client, 'get_account', {})).isError ?? false).toBe(false);
        expect((await client.readResource({ uri: 'heygen://docs/errors' })).contents.length).toBe(1);
        expect((await client.getPrompt({ name: 'video_agent_prompt', arguments: { brief: 'x' } })).messages.length).toBeGreaterThan(0);
      }
      // The client serves repeated lists from its cache (the server's caching hints allow an
      // hour), so fewer than 12 requests go out; each replica still answers several.
      expect(hits[0]).toBeGreaterThanOrEqual(3);
      expect(hits[1]).toBeGreaterThanOrEqual(3);
      // A create on one replica and its repeat on the other spend once.
      sim.clearRequests();
      const first = await call(client, 'create_video_agent', { prompt: 'Replica test: round robin spends once.' });
      const again = await call(client, 'create_video_agent', { prompt: 'Replica test: round robin spends once.' });
      expect(again.structuredContent).toMatchObject({ session_id: (first.structuredContent as { session_id: string }).session_id, reused: true });
      expect(posts()).toHaveLength(1);
    } finally {
      await client.close();
    }
  });

  it('2026-07-28: a listen stream held by B hears a job change that A polls', async () => {
    const r = await call(ca, 'create_video_agent', { prompt: 'Replica test: listen across replicas.' });
    const uri = (r.content.find((c) => c.type === 'resource_link') as { uri: string }).uri;
    const { client: onA } = await roundRobinClient([a.url]);
    const { client: onB } = await roundRobinClient([b.url]);
    const seen: string[] = [];
    onB.setNotificationHandler('notifications/resources/updated', (n) => { seen.push(n.params.uri); });
    try {
      const subA = await onA.listen({ resourceSubscriptions: [uri] });
      await expect.poll(() => sim.apiRequests().some((q) => q.method === 'GET' && uri.endsWith(q.path.split('/').pop()!)), { timeout: 5_000, interval: 20 }).toBe(true);
      const subB = await onB.listen({ resourceSubscriptions: [uri] });
      await expect.poll(() => seen, { timeout: 15_000, interval: 100 }).toContain(uri);
      await subA.close();
      await subB.close();
    } finally {
      await onA.close();
      await onB.close();
    }
  });

  it('a catalog cached by A serves B with zero upstream requests', async () => {
    const first = await call(ca, 'list_voices', { language: 'English', limit: 5 });
    expect(first.isError).toBeFalsy();
    sim.clearRequests();
    const second = await call(cb, 'list_voices', { language: 'English', limit: 5 });
    expect(second.isError).toBeFalsy();
    expect(second.structuredContent).toEqual(first.structuredContent);
    expect(sim.apiRequests()).toHaveLength(0);
  });

  it('a stream cut on A resumes on B with Last-Event-ID and delivers the call\'s result', async () => {
    const created = await call(ca, 'create_video_agent', { prompt: 'Replica test: resumable stream.' });
    const jobId = (created.structuredContent as { session_id: string }).session_id;
    const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
    const init = await fetch(a.url, { method: 'POST', headers, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '0' } } }) });
    const sid = init.headers.get('mcp-session-id') as string;
    await init.text();
    const inSession = { ...headers, 'mcp-session-id': sid, 'mcp-protocol-version': '2025-11-25' };
    await (await fetch(a.url, { method: 'POST', headers: inSession, body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }) })).text();
    const res = await fetch(a.url, { method: 'POST', headers: inSession, body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'wait_for_job', arguments: { kind: 'video_agent_session', id: jobId, timeout_seconds: 20 }, _meta: { progressToken: 'p1' } } }) });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    let lastId: string | undefined;
    await readSse(res.body!, (e) => { lastId = e.id; return e.id !== undefined; });
    expect(lastId).toBeDefined();

    const resumed = await fetch(b.url, { method: 'GET', headers: { accept: 'text/event-stream', 'mcp-session-id': sid, 'mcp-protocol-version': '2025-11-25', 'last-event-id': lastId! } });
    expect(resumed.status).toBe(200);
    let result: { id?: number; result?: { structuredContent?: Record<string, unknown> } } | undefined;
    await readSse(resumed.body!, (e) => {
      if (!e.data) return false;
      const m = JSON.parse(e.data) as typeof result;
      if (m?.id === 2) result = m;
      return result !== undefined;
    });
    expect(result?.result?.structuredContent).toMatchObject({ status: expect.any(String) });
    // A request of that session (not a resume) is refused on B with the sticky-routing hint.
    const misrouted = await fetch(b.url, { method: 'POST', headers: inSession, body: JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'tools/list' }) });
    expect(misrouted.status).toBe(404);
    expect(await misrouted.text()).toMatch(/sticky routing/);
  });

  it('a Redis restart mid-run degrades with a clear note, keeps the job id and recovers', async () => {
    await redis.stop();
    const during = await call(ca, 'create_video_agent', { prompt: 'Replica test: made while Redis was down.' });
    expect(during.isError).toBeFalsy();
    const jobId = (during.structuredContent as { session_id: string }).session_id;
    expect(jobId).toBeTruthy();
    expect(JSON.stringify(during.content)).toMatch(/shared state store is unavailable/);
    expect((await call(cb, 'get_account', {})).isError).toBeFalsy();

    await redis.start();
    const r = new Redis(redis.url);
    const jobsKey = `heygen-mcp:${keyIdOf(sim.apiKey)}:jobs`;
    // A reconnects on its own and hands over the id it kept during the outage.
    await expect.poll(async () => (await r.lrange(jobsKey, 0, -1)).join('\n'), { timeout: 10_000, interval: 200 }).toContain(jobId);
    // B reconnects on its own schedule: wait until both replicas (a command and a subscriber
    // connection each) and this probe are connected, or B's create below may still run on
    // B's memory alone and the duplicate check across replicas would be judged too early.
    await expect.poll(async () => String(await r.client('LIST')).trim().split('\n').length, { timeout: 10_000, interval: 100 }).toBeGreaterThanOrEqual(5);
    r.disconnect();
    sim.clearRequests();
    const fresh = await call(cb, 'create_video_agent', { prompt: 'Replica test: after Redis came back.' });
    const again = await call(ca, 'create_video_agent', { prompt: 'Replica test: after Redis came back.' });
    expect(again.structuredContent).toMatchObject({ session_id: (fresh.structuredContent as { session_id: string }).session_id, reused: true });
    expect(posts()).toHaveLength(1);
  });
});
