import { resultFromTaskOutcome, type TaskExecutionEvent } from '@modelcontextprotocol/ext-tasks/client';
import { isCreateTaskResultV2, isDetailedTaskV2 } from '@modelcontextprotocol/ext-tasks/core/v2';
import { afterEach, describe, expect, it } from 'vitest';
import { connect, type Harness } from '../helpers/harness.js';
import { pickLook } from '../videos/helpers.js';
import { rpc, TASKS_EXT, taskSession, until } from './helpers.js';

let h: Harness;
afterEach(async () => { await h?.close(); });

const ELICIT_AND_TASKS = { elicitation: { form: {} }, ...TASKS_EXT };

describe('2026-07-28 Tasks extension', () => {
  it('runs create_video_agent as a task: working, then completed with the finished video as the result', async () => {
    h = await connect({ era: 'modern', tasks: true, sim: { speed: 600 } });
    const session = taskSession(h);
    const seen: string[] = [];
    const exec = await session.callTool('create_video_agent', { prompt: 'A 30-second explainer about green tea' });
    expect(exec.kind).toBe('task');
    const { outcome } = await exec.settle({ onEvent: (e: TaskExecutionEvent<unknown>) => { if (e.type === 'task') seen.push(e.task.status); } });
    await session.close();
    expect(outcome.status).toBe('completed');
    const result = resultFromTaskOutcome(outcome) as { structuredContent: Record<string, any>; content: any[] };
    expect(result.structuredContent).toMatchObject({ done: true, status: 'completed', progress: 100 });
    expect(result.structuredContent.video_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\//);
    expect(result.structuredContent.session_id).toMatch(/^[0-9a-f]{32}$/);
    expect(result.content.some((c) => c.type === 'resource_link' && c.uri.startsWith('heygen://video-agent/sessions/'))).toBe(true);
    expect(seen[0]).toBe('working');
    // HeyGen saw one create; the rest were reads of that session.
    const api = h.sim.apiRequests();
    expect(api.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(api.filter((r) => r.method === 'POST')[0]!.path).toBe('/v3/video-agents');
  });

  it('answers the creation only once tasks/get can read the task, with pollIntervalMs and a TTL', async () => {
    h = await connect({ era: 'modern', tasks: true, sim: { speed: 60 } });
    const look = await pickLook(h);
    const created = await rpc(h, 'tools/call', { name: 'create_avatar_video', arguments: { avatar_id: look.look_id, script: 'Hello there.' } });
    expect(isCreateTaskResultV2(created.result)).toBe(true);
    expect(created.result).toMatchObject({ resultType: 'task', status: 'working', ttlMs: 86_400_000 });
    expect(created.result.pollIntervalMs).toBeGreaterThan(0);
    const got = await rpc(h, 'tasks/get', { taskId: created.result.taskId });
    expect(got.result.resultType).toBe('complete');
    expect(isDetailedTaskV2(got.result)).toBe(true);
    expect(got.result.taskId).toBe(created.result.taskId);
  });

  it('does not make a task for a client without the extension, nor for a dry run', async () => {
    h = await connect({ era: 'modern', tasks: true });
    const plain = await rpc(h, 'tools/call', { name: 'create_video_agent', arguments: { prompt: 'Tea' } }, {});
    expect(plain.result.resultType).toBe('complete');
    expect(plain.result.structuredContent.session_id).toBeTruthy();
    const dry = await rpc(h, 'tools/call', { name: 'create_video_agent', arguments: { prompt: 'Tea', dry_run: true } });
    expect(dry.result).toMatchObject({ resultType: 'complete', structuredContent: { dry_run: true } });
    expect(h.sim.apiRequests().filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('ends the task failed with HeyGen’s failure code and message when the render fails', async () => {
    h = await connect({ era: 'modern', tasks: true, sim: { speed: 60 } });
    const look = await pickLook(h);
    const made = await rpc(h, 'tools/call', { name: 'create_avatar_video', arguments: { avatar_id: look.look_id, script: 'Hello there.' } });
    const videoId = /video (\w+)/.exec(made.result.statusMessage)![1]!;
    h.sim.setOutcome(videoId, 'failed');
    const session = taskSession(h);
    const exec = await session.callTool('wait_for_job', { kind: 'video', id: videoId });
    const { outcome } = await exec.settle();
    await session.close();
    expect(outcome.status).toBe('failed');
    const task = await rpc(h, 'tasks/get', { taskId: made.result.taskId });
    expect(task.result.status).toBe('failed');
    expect(task.result.error).toMatchObject({ code: -32603, data: { failure_code: 'RENDER_FAILED', kind: 'video', id: videoId } });
    expect(task.result.error.message).toContain('could not be rendered');
  });

  it('wait_for_job as a task completes with the result wait_for_job gives', async () => {
    h = await connect({ era: 'modern', tasks: true, sim: { speed: 300 } });
    const look = await pickLook(h);
    const v = await h.ok('create_avatar_video', { avatar_id: look.look_id, script: 'Hi.' });
    const session = taskSession(h);
    const { outcome } = await (await session.callTool('wait_for_job', { kind: 'video', id: v.video_id })).settle();
    await session.close();
    const r = resultFromTaskOutcome(outcome) as { structuredContent: Record<string, unknown> };
    expect(r.structuredContent).toMatchObject({ kind: 'video', id: v.video_id, done: true, status: 'completed' });
    expect(r.structuredContent.next).toContain('download_video');
  });

  it('another credit-spending create (a video translation) runs as a task and completes with the translated video', async () => {
    h = await connect({ era: 'modern', tasks: true, sim: { speed: 600 } });
    const session = taskSession(h);
    const exec = await session.callTool('create_video_translation', { video: 'https://example.com/source.mp4', output_languages: ['Japanese'] });
    expect(exec.kind).toBe('task');
    const { outcome } = await exec.settle();
    await session.close();
    const r = resultFromTaskOutcome(outcome) as { structuredContent: Record<string, any> };
    expect(r.structuredContent).toMatchObject({ done: true });
    expect(String(r.structuredContent.video_url)).toContain('/files/');
    expect(h.sim.apiRequests().filter((q) => q.method === 'POST').map((q) => q.path)).toEqual(['/v3/video-translations']);
  });

  it('cancel stops a Video Agent session on HeyGen', async () => {
    h = await connect({ era: 'modern', tasks: true, sim: { speed: 30 } });
    const made = await rpc(h, 'tools/call', { name: 'create_video_agent', arguments: { prompt: 'A long documentary' } });
    const ack = await rpc(h, 'tasks/cancel', { taskId: made.result.taskId });
    expect(ack.result).toMatchObject({ resultType: 'complete' });
    const task = await rpc(h, 'tasks/get', { taskId: made.result.taskId });
    expect(task.result.status).toBe('cancelled');
    expect(task.result.statusMessage).toMatch(/stopped on HeyGen/);
    expect(h.sim.apiRequests().some((r) => r.method === 'POST' && /^\/v3\/video-agents\/\w+\/stop$/.test(r.path))).toBe(true);
  });

  it('cancel still ends the task when HeyGen refuses to stop the session, and says it may still run', async () => {
    h = await connect({ era: 'modern', tasks: true, sim: { speed: 30 } });
    const made = await rpc(h, 'tools/call', { name: 'create_video_agent', arguments: { prompt: 'Stubborn session' } });
    h.sim.fault({ method: 'POST', path: /\/stop$/, kind: 'status', status: 500, times: 5 });
    const ack = await rpc(h, 'tasks/cancel', { taskId: made.result.taskId });
    expect(ack.result).toMatchObject({ resultType: 'complete' });
    const task = await rpc(h, 'tasks/get', { taskId: made.result.taskId });
    expect(task.result.status).toBe('cancelled');
    expect(task.result.statusMessage).toMatch(/did not confirm stopping .* may still run/);
  });

  it('cancel of a render says plainly that HeyGen cannot stop it, and sends nothing', async () => {
    h = await connect({ era: 'modern', tasks: true, sim: { speed: 1 } });
    const look = await pickLook(h);
    const made = await rpc(h, 'tools/call', { name: 'create_avatar_video', arguments: { avatar_id: look.look_id, script: 'Hi.' } });
    const before = h.sim.apiRequests().filter((r) => r.method === 'POST').length;
    await rpc(h, 'tasks/cancel', { taskId: made.result.taskId });
    const task = await rpc(h, 'tasks/get', { taskId: made.result.taskId });
    expect(task.result.status).toBe('cancelled');
    expect(task.result.statusMessage).toMatch(/no way to stop this job/);
    expect(h.sim.apiRequests().filter((r) => r.method === 'POST').length).toBe(before);
  });

  it('refuses task methods without the extension (-32021), unknown ids (-32602) and the removed 2025 methods (-32601)', async () => {
    h = await connect({ era: 'modern', tasks: true });
    for (const m of ['tasks/get', 'tasks/cancel', 'tasks/update']) {
      const r = await rpc(h, m, { taskId: 'x', inputResponses: {} }, {});
      expect(r.error?.code, m).toBe(-32021);
      expect(r.error?.data).toEqual({ requiredCapabilities: { extensions: { 'io.modelcontextprotocol/tasks': {} } } });
    }
    expect((await rpc(h, 'tasks/get', { taskId: 'nope' })).error?.code).toBe(-32602);
    expect((await rpc(h, 'tasks/cancel', { taskId: 'nope' })).error?.code).toBe(-32602);
    expect((await rpc(h, 'tasks/update', { taskId: 'nope', inputResponses: {} })).error?.code).toBe(-32602);
    expect((await rpc(h, 'tasks/result', { taskId: 'nope' })).error?.code).toBe(-32601);
    expect((await rpc(h, 'tasks/list', {})).error?.code).toBe(-32601);
  });

  it('a task past its TTL answers not found (-32602)', async () => {
    h = await connect({ era: 'modern', tasks: { ttlMs: 300 }, sim: { speed: 1 } });
    const made = await rpc(h, 'tools/call', { name: 'create_video_agent', arguments: { prompt: 'Short-lived' } });
    expect(made.result.ttlMs).toBe(300);
    expect((await rpc(h, 'tasks/get', { taskId: made.result.taskId })).result.status).toBe('working');
    const gone = await until(() => rpc(h, 'tasks/get', { taskId: made.result.taskId }), (r) => r.error !== undefined, 5_000);
    expect(gone.error?.code).toBe(-32602);
  });

  it('advertises the extension in server/discover and keeps execution.taskSupport out of tools/list', async () => {
    h = await connect({ era: 'modern', tasks: true });
    const d = await rpc(h, 'server/discover', {});
    expect(d.result.capabilities.extensions).toMatchObject({ 'io.modelcontextprotocol/tasks': {} });
    expect(d.result.capabilities.tasks).toBeUndefined();
    const list = await h.client.listTools();
    expect(list.tools.some((t) => 'execution' in t)).toBe(false);
  });

  it('puts a Video Agent question to the client as input_required; the answer resumes the session', async () => {
    h = await connect({ era: 'modern', tasks: true, sim: { speed: 600 } });
    const questions: string[] = [];
    const session = taskSession(h, ELICIT_AND_TASKS, async (request) => {
      questions.push(String((request.params as { message?: string }).message));
      return { action: 'accept', content: { answer: 'go' } } as never;
    });
    const exec = await session.callTool('create_video_agent', { prompt: 'Tea explainer', mode: 'chat' });
    const statuses: string[] = [];
    const { outcome } = await exec.settle({ onEvent: (e: TaskExecutionEvent<unknown>) => { if (e.type === 'task') statuses.push(e.task.status); } });
    await session.close();
    expect(questions[0]).toContain('Tell me what to change');
    expect(statuses).toContain('input_required');
    expect(outcome.status).toBe('completed');
    const sends = h.sim.apiRequests().filter((r) => r.method === 'POST' && /^\/v3\/video-agents\/\w+$/.test(r.path));
    expect(sends).toHaveLength(1);
    expect(sends[0]!.body).toEqual({ message: 'go' });
  });

  it('two updates racing with the same answer send it to HeyGen once (a reply spends credits)', async () => {
    h = await connect({ era: 'modern', tasks: true, sim: { speed: 600 } });
    const made = await rpc(h, 'tools/call', { name: 'create_video_agent', arguments: { prompt: 'Tea explainer', mode: 'chat' } }, ELICIT_AND_TASKS);
    const asked = await until(() => rpc(h, 'tasks/get', { taskId: made.result.taskId }, ELICIT_AND_TASKS), (r) => r.result?.status === 'input_required');
    const [key] = Object.keys(asked.result.inputRequests);
    expect(asked.result.inputRequests[key!].params.requestedSchema.required).toEqual(['answer']);
    const update = () => rpc(h, 'tasks/update', { taskId: made.result.taskId, inputResponses: { [key!]: { action: 'accept', content: { answer: 'go' } } } }, ELICIT_AND_TASKS);
    const acks = await Promise.all([update(), update()]);
    expect(acks.every((a) => a.result?.resultType === 'complete')).toBe(true);
    expect(h.sim.apiRequests().filter((r) => r.method === 'POST' && /^\/v3\/video-agents\/\w+$/.test(r.path))).toHaveLength(1);
  });

  it('a client without elicitation answers with send_video_agent_message and the task carries on at once', async () => {
    // Polls back off to 20 s: only the answer's nudge can move the task on within the deadline below.
    h = await connect({ era: 'modern', tasks: { minMs: 50, maxMs: 20_000 }, sim: { speed: 600 } });
    const made = await rpc(h, 'tools/call', { name: 'create_video_agent', arguments: { prompt: 'Tea explainer', mode: 'chat' } });
    const asked = await until(() => rpc(h, 'tasks/get', { taskId: made.result.taskId }), (r) => /asks/.test(r.result?.statusMessage ?? ''));
    const sessionId = /"session_id":"(\w+)"/.exec(asked.result.statusMessage)![1]!;
    await h.ok('send_video_agent_message', { session_id: sessionId, message: 'go' });
    const done = await until(() => rpc(h, 'tasks/get', { taskId: made.result.taskId }), (r) => r.result?.status === 'completed', 5_000);
    expect(done.result.result.structuredContent.video_url).toContain('/files/');
  });

  it('shows the question in the status message to a client without elicitation, and sends nothing for it', async () => {
    h = await connect({ era: 'modern', tasks: true, sim: { speed: 600 } });
    const made = await rpc(h, 'tools/call', { name: 'create_video_agent', arguments: { prompt: 'Tea explainer', mode: 'chat' } });
    const task = await until(() => rpc(h, 'tasks/get', { taskId: made.result.taskId }), (r) => /asks/.test(r.result?.statusMessage ?? ''));
    expect(task.result.status).toBe('working');
    expect(task.result.statusMessage).toContain('send_video_agent_message');
    expect(task.result.inputRequests).toBeUndefined();
    // An update for a key that was never asked is acknowledged and ignored.
    const ack = await rpc(h, 'tasks/update', { taskId: made.result.taskId, inputResponses: { 'question-9': { action: 'accept', content: { answer: 'x' } } } });
    expect(ack.result).toMatchObject({ resultType: 'complete' });
    expect(h.sim.apiRequests().filter((r) => r.method === 'POST' && /^\/v3\/video-agents\/\w+$/.test(r.path))).toHaveLength(0);
  });
});
