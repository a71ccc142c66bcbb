import { resultFromTaskOutcome } from '@modelcontextprotocol/ext-tasks/client';
import { CreateTaskResultV1Schema, GetTaskResultV1Schema, ListTasksResultV1Schema } from '@modelcontextprotocol/ext-tasks/core/v1';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { connect, type Harness } from '../helpers/harness.js';
import { pickLook } from '../videos/helpers.js';
import { taskSession, until } from './helpers.js';

let h: Harness;
afterEach(async () => { await h?.close(); });

const TASKS_2025 = { tasks: { requests: {} } };
const raw = (method: string, params: Record<string, unknown>) => h.client.request({ method, params } as never, z.any() as never) as Promise<any>;

describe('2025-11-25 tasks utility', () => {
  it('lists task support on the tools that can run as tasks, and the tasks capability', async () => {
    h = await connect({ era: 'legacy', tasks: true, capabilities: TASKS_2025 });
    const { tools } = await h.client.listTools();
    expect(tools.find((t) => t.name === 'create_video_agent')?.execution).toEqual({ taskSupport: 'optional' });
    expect(tools.find((t) => t.name === 'wait_for_job')?.execution).toEqual({ taskSupport: 'optional' });
    expect(tools.find((t) => t.name === 'list_voices')?.execution).toBeUndefined();
    expect(h.client.getServerCapabilities()?.tasks).toEqual({ list: {}, cancel: {}, requests: { tools: { call: {} } } });
  });

  it('runs create_video_agent as a task the ext-tasks client follows to the finished video', async () => {
    h = await connect({ era: 'legacy', tasks: true, capabilities: TASKS_2025, sim: { speed: 600 } });
    const session = taskSession(h);
    const exec = await session.callTool('create_video_agent', { prompt: 'Tea explainer' }, { task: { preference: 'prefer' } } as never);
    expect(exec.kind).toBe('task');
    const { outcome } = await exec.settle();
    await session.close();
    const r = resultFromTaskOutcome(outcome) as { structuredContent: Record<string, unknown> };
    expect(r.structuredContent).toMatchObject({ done: true, status: 'completed' });
    expect(String(r.structuredContent.video_url)).toContain('/files/');
  });

  it('answers params.task with a task, then tasks/get, tasks/list, tasks/result as 2025-11-25 shapes them', async () => {
    h = await connect({ era: 'legacy', tasks: true, capabilities: TASKS_2025, sim: { speed: 300 } });
    const look = await pickLook(h);
    const created = await raw('tools/call', { name: 'create_avatar_video', arguments: { avatar_id: look.look_id, script: 'Hello.' }, task: { ttl: 60_000 } });
    expect(CreateTaskResultV1Schema.safeParse(created).success).toBe(true);
    expect(created.task).toMatchObject({ status: 'working', ttl: 60_000 });
    const got = await raw('tasks/get', { taskId: created.task.taskId });
    expect(GetTaskResultV1Schema.safeParse(got).success).toBe(true);
    const listed = await raw('tasks/list', {});
    expect(ListTasksResultV1Schema.safeParse(listed).success).toBe(true);
    expect(listed.tasks.map((t: { taskId: string }) => t.taskId)).toContain(created.task.taskId);
    const result = await raw('tasks/result', { taskId: created.task.taskId });
    expect(result.structuredContent).toMatchObject({ done: true, status: 'completed' });
    expect(result._meta['io.modelcontextprotocol/related-task']).toEqual({ taskId: created.task.taskId });
  });

  it('a call without params.task runs as before', async () => {
    h = await connect({ era: 'legacy', tasks: true, capabilities: TASKS_2025 });
    const r = await h.ok('create_video_agent', { prompt: 'Tea' });
    expect(r.session_id).toBeTruthy();
  });

  it('tasks/result of a failed render is HeyGen’s failure as a JSON-RPC error; unknown ids are -32602', async () => {
    h = await connect({ era: 'legacy', tasks: true, capabilities: TASKS_2025, sim: { speed: 60 } });
    const look = await pickLook(h);
    const v = await h.ok('create_avatar_video', { avatar_id: look.look_id, script: 'Fails.' });
    h.sim.setOutcome(v.video_id, 'failed');
    const created = await raw('tools/call', { name: 'wait_for_job', arguments: { kind: 'video', id: v.video_id }, task: {} });
    await expect(raw('tasks/result', { taskId: created.task.taskId })).rejects.toMatchObject({ code: -32603, data: { failure_code: 'RENDER_FAILED' } });
    const got = await raw('tasks/get', { taskId: created.task.taskId });
    expect(got.status).toBe('failed');
    await expect(raw('tasks/get', { taskId: 'nope' })).rejects.toMatchObject({ code: -32602 });
  });

  it('tasks/cancel stops a Video Agent session and answers the cancelled task', async () => {
    h = await connect({ era: 'legacy', tasks: true, capabilities: TASKS_2025, sim: { speed: 30 } });
    const created = await raw('tools/call', { name: 'create_video_agent', arguments: { prompt: 'Long one' }, task: {} });
    const cancelled = await raw('tasks/cancel', { taskId: created.task.taskId });
    expect(cancelled.status).toBe('cancelled');
    expect(h.sim.apiRequests().some((r) => /\/stop$/.test(r.path))).toBe(true);
    await expect(raw('tasks/cancel', { taskId: created.task.taskId })).rejects.toMatchObject({ code: -32602 });
  });

  it('a Video Agent question reaches a client with elicitation through tasks/result; the answer resumes the session', async () => {
    h = await connect({ era: 'legacy', tasks: true, capabilities: { ...TASKS_2025, elicitation: { form: {} } }, sim: { speed: 600 } });
    const asked: { message: string; related: unknown }[] = [];
    h.client.setRequestHandler('elicitation/create', async (req) => {
      asked.push({ message: String((req.params as { message: string }).message), related: (req.params as { _meta?: Record<string, unknown> })._meta?.['io.modelcontextprotocol/related-task'] });
      return { action: 'accept', content: { answer: 'go' } };
    });
    const created = await raw('tools/call', { name: 'create_video_agent', arguments: { prompt: 'Tea explainer', mode: 'chat' }, task: {} });
    const seen = await until(() => raw('tasks/get', { taskId: created.task.taskId }), (t) => t.status === 'input_required');
    expect(seen.statusMessage).toContain('asks');
    const result = await raw('tasks/result', { taskId: created.task.taskId });
    expect(asked).toHaveLength(1);
    expect(asked[0]!.message).toContain('Tell me what to change');
    expect(asked[0]!.related).toEqual({ taskId: created.task.taskId });
    expect(result.structuredContent).toMatchObject({ done: true, status: 'completed' });
    const sends = h.sim.apiRequests().filter((r) => r.method === 'POST' && /^\/v3\/video-agents\/\w+$/.test(r.path));
    expect(sends.map((r) => r.body)).toEqual([{ message: 'go' }]);
  });

  it('a declined question sends nothing to HeyGen and leaves the session waiting, with how to reply', async () => {
    h = await connect({ era: 'legacy', tasks: true, capabilities: { ...TASKS_2025, elicitation: { form: {} } }, sim: { speed: 600 } });
    h.client.setRequestHandler('elicitation/create', async () => ({ action: 'decline' }));
    const created = await raw('tools/call', { name: 'create_video_agent', arguments: { prompt: 'Tea explainer', mode: 'chat' }, task: {} });
    await until(() => raw('tasks/get', { taskId: created.task.taskId }), (t) => t.status === 'input_required');
    const pending = raw('tasks/result', { taskId: created.task.taskId });
    // Should a step below fail, the close that follows must not leave this rejection unhandled.
    pending.catch(() => undefined);
    // Right after the decline the message says it was not answered; the next poll of the still
    // waiting session words it as the open question. Both say how to reply.
    const after = await until(() => raw('tasks/get', { taskId: created.task.taskId }), (t) => t.status === 'working' && /not answered|reply with send_video_agent_message/.test(t.statusMessage ?? ''));
    expect(after.statusMessage).toContain('send_video_agent_message');
    expect(h.sim.apiRequests().filter((r) => r.method === 'POST' && /^\/v3\/video-agents\/\w+$/.test(r.path))).toHaveLength(0);
    await raw('tasks/cancel', { taskId: created.task.taskId });
    await expect(pending).rejects.toMatchObject({ code: -32602 });
  });

  it('sends notifications/tasks/status as the task moves', async () => {
    h = await connect({ era: 'legacy', tasks: true, capabilities: TASKS_2025, sim: { speed: 600 } });
    const statuses: string[] = [];
    h.client.fallbackNotificationHandler = async (n) => { if (n.method === 'notifications/tasks/status') statuses.push((n.params as { status: string }).status); };
    await raw('tools/call', { name: 'create_video_agent', arguments: { prompt: 'Notify me' }, task: {} });
    await until(async () => statuses, (s) => s.includes('completed'));
    expect(statuses.at(-1)).toBe('completed');
  });
});
