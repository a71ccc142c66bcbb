import {
  CLIENT_CAPABILITIES_META_KEY, MissingRequiredClientCapabilityError, ProtocolError, ProtocolErrorCode,
  type ClientCapabilities, type Result, type Server, type ServerContext,
} from '@modelcontextprotocol/server';
import {
  CancelTaskRequestV1Schema, GetTaskRequestV1Schema, GetTaskResultRequestV1Schema, ListTasksRequestV1Schema,
} from '@modelcontextprotocol/ext-tasks/core/v1';
import {
  CancelTaskRequestV2Schema, GetTaskRequestV2Schema, hasTaskClientCapabilityV2, TASKS_EXTENSION_ID_V2, UpdateTaskRequestV2Schema,
} from '@modelcontextprotocol/ext-tasks/core/v2';
import type { ProcessTasks, ServerDeps } from '../context.js';
import { sleep } from '../net/sleep.js';
import { notFound } from '../not-found.js';
import { isTerminal, type StartedJob, type TaskRecord } from '../state/tasks.js';
import type { AnyToolDef } from '../tools/define.js';

const RELATED_TASK = 'io.modelcontextprotocol/related-task';

/**
 * Carries a task-creation result out of the tools/call handler past the SDK's CallToolResult
 * check (see the server class in server.ts), so it reaches the wire unchanged.
 */
export class TaskCreated extends Error {
  override readonly name = 'TaskCreated';
  constructor(readonly result: Result) {
    super('task created');
  }
}

/** The client capabilities of a request: its envelope on 2026-07-28, the session's on 2025. */
function capsOf(server: Server, deps: ServerDeps, ctx: ServerContext): ClientCapabilities | undefined {
  return deps.era === 'modern'
    ? (ctx.mcpReq.envelope as Record<string, ClientCapabilities | undefined> | undefined)?.[CLIENT_CAPABILITIES_META_KEY]
    : server.getClientCapabilities();
}

/** The request's own capabilities (its `_meta` envelope) list the Tasks extension. */
function declaresTasks(ctx: ServerContext): boolean {
  return hasTaskClientCapabilityV2({ _meta: ctx.mcpReq.envelope ?? {} });
}

/**
 * Whether a tools/call becomes a task, and how. 2026-07-28: the server decides — always for a
 * tool that follows a job, when the request's capabilities list the Tasks extension.
 * 2025-11-25: the client asks with `params.task`. Never for a dry run (the wrapper checks).
 */
export function taskHook(server: Server, deps: ServerDeps, def: AnyToolDef, params: { task?: { ttl?: number } | undefined }, ctx: ServerContext): ((s: StartedJob) => Promise<Result>) | undefined {
  const runner = deps.tasks;
  if (!runner || !def.task) return undefined;
  const caps = capsOf(server, deps, ctx);
  if (deps.era === 'modern') {
    if (!declaresTasks(ctx)) return undefined;
    // Form elicitation: declared as `elicitation: {}` (form implied) or with a `form` member.
    const e = caps?.elicitation as { form?: unknown; url?: unknown } | undefined;
    const elicit = e !== undefined && (e.form !== undefined || e.url === undefined);
    return async (s) => {
      throw new TaskCreated({ resultType: 'task', ...v2Task(runner, await runner.start(deps, def.name, s, { rev: 'v2', elicit })) });
    };
  }
  if (!params.task) return undefined;
  const ttl = typeof params.task.ttl === 'number' && params.task.ttl > 0 ? params.task.ttl : undefined;
  // A 2025 session with form elicitation gets questions through tasks/result, as 2025-11-25 has it.
  const e = caps?.elicitation as { form?: unknown; url?: unknown } | undefined;
  const elicit = e !== undefined && (e.form !== undefined || e.url === undefined);
  return async (s) => {
    const r = await runner.start(deps, def.name, s, { rev: 'v1', elicit, ttlMs: ttl });
    // 2025 sessions hear status changes as notifications while they stay open.
    const stop = runner.listen(deps.state.keyId, r.taskId, (t: TaskRecord) => {
      server.notification({ method: 'notifications/tasks/status', params: v1Task(runner, t) }).catch(() => stop());
      if (isTerminal(t.status)) stop();
    });
    throw new TaskCreated({ task: v1Task(runner, r) });
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

function baseV2(runner: ProcessTasks, r: TaskRecord) {
  return {
    taskId: r.taskId, status: r.status, ...(r.statusMessage ? { statusMessage: r.statusMessage } : {}),
    createdAt: iso(r.createdAt), lastUpdatedAt: iso(r.lastUpdatedAt), ttlMs: r.ttlMs,
    ...(isTerminal(r.status) ? {} : { pollIntervalMs: runner.pollIntervalMs(r) }),
  };
}

/** A task as 2026-07-28 `tasks/get` shows it: status-specific fields inlined. */
export function v2Task(runner: ProcessTasks, r: TaskRecord): Record<string, unknown> {
  const base = baseV2(runner, r);
  // The inlined result is a 2026-07-28 tools/call result, discriminator included.
  if (r.status === 'completed') return { ...base, result: { resultType: 'complete', ...(r.result ?? { content: [] }) } };
  if (r.status === 'failed') return { ...base, error: r.error ?? { code: -32603, message: r.statusMessage ?? 'failed' } };
  if (r.status === 'input_required' && r.question) {
    return { ...base, inputRequests: { [r.question.key]: questionRequest(r.question.message) } };
  }
  return base.status === 'input_required' ? { ...base, status: 'working' } : base;
}

/** The agent's question as a form elicitation with one free-text answer. */
function questionRequest(message: string) {
  return {
    method: 'elicitation/create',
    params: {
      mode: 'form',
      message: `The HeyGen Video Agent asks: ${message}`,
      requestedSchema: { type: 'object', properties: { answer: { type: 'string', title: 'Your answer', maxLength: 10_000 } }, required: ['answer'] },
    },
  };
}

/** A task in the 2025-11-25 shape (no inlined result; `ttl`/`pollInterval`). */
export function v1Task(runner: ProcessTasks, r: TaskRecord): Record<string, unknown> {
  return {
    taskId: r.taskId,
    // input_required only when the question can be delivered (tasks/result sends it as elicitation).
    status: r.status === 'input_required' && !r.question ? 'working' : r.status,
    ...(r.statusMessage ? { statusMessage: r.statusMessage } : {}),
    createdAt: iso(r.createdAt), lastUpdatedAt: iso(r.lastUpdatedAt), ttl: r.ttlMs,
    ...(isTerminal(r.status) ? {} : { pollInterval: runner.pollIntervalMs(r) }),
  };
}

/** Reads a task of this key, taking over following it when no replica does. */
async function load(deps: ServerDeps, runner: ProcessTasks, taskId: string): Promise<TaskRecord> {
  const r = await deps.state.tasks.get(taskId);
  if (!r) throw notFound({ task: taskId }, 'It never existed for this API key, or it expired.');
  await runner.ensure(deps, r);
  return r;
}

/** Binds the task methods of the instance's era. Without a runner the server offers no tasks. */
export function bindTasks(server: Server, deps: ServerDeps): void {
  const runner = deps.tasks;
  if (!runner) return;
  if (deps.era === 'modern') bindV2(server, deps, runner);
  else bindV1(server, deps, runner);
}

function bindV2(server: Server, deps: ServerDeps, runner: ProcessTasks): void {
  // Every task method needs the extension declared on the request itself.
  const gate = (ctx: ServerContext) => {
    if (!declaresTasks(ctx)) {
      throw new MissingRequiredClientCapabilityError({ requiredCapabilities: { extensions: { [TASKS_EXTENSION_ID_V2]: {} } } });
    }
  };
  server.setRequestHandler('tasks/get', { params: GetTaskRequestV2Schema.shape.params }, async (p, ctx) => {
    gate(ctx);
    return v2Task(runner, await load(deps, runner, p.taskId)) as Result;
  });
  // The SDK lifts `inputResponses` out of the params into the request context, so only the id is checked here.
  server.setRequestHandler('tasks/update', { params: UpdateTaskRequestV2Schema.shape.params.pick({ taskId: true }) }, async (p, ctx) => {
    gate(ctx);
    await load(deps, runner, p.taskId);
    await runner.answer(deps, p.taskId, { ...(ctx.mcpReq.inputResponses ?? {}) }, ctx.mcpReq.signal);
    return {};
  });
  server.setRequestHandler('tasks/cancel', { params: CancelTaskRequestV2Schema.shape.params }, async (p, ctx) => {
    gate(ctx);
    await load(deps, runner, p.taskId);
    await runner.cancel(deps, p.taskId, ctx.mcpReq.signal);
    return {};
  });
}

function bindV1(server: Server, deps: ServerDeps, runner: ProcessTasks): void {
  server.setRequestHandler('tasks/get', { params: GetTaskRequestV1Schema.shape.params }, async (p) => v1Task(runner, await load(deps, runner, p.taskId)) as Result);
  server.setRequestHandler('tasks/cancel', { params: CancelTaskRequestV1Schema.shape.params }, async (p, ctx) => {
    const r = await load(deps, runner, p.taskId);
    if (isTerminal(r.status)) throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Task already ${r.status}; it cannot be cancelled.`);
    return v1Task(runner, (await runner.cancel(deps, p.taskId, ctx.mcpReq.signal)) ?? r) as Result;
  });
  server.setRequestHandler('tasks/list', { params: ListTasksRequestV1Schema.shape.params.unwrap() }, async (p) => {
    // 2025-11-25: a cursor this server did not issue is -32602, not a silent first page.
    if (p.cursor !== undefined && !/^\d{1,16}$/.test(p.cursor)) throw new ProtocolError(ProtocolErrorCode.InvalidParams, 'Invalid cursor: pass the nextCursor of an earlier tasks/list, or none for the first page.');
    const before = p.cursor !== undefined ? Number(p.cursor) : undefined;
    const page = await deps.state.tasks.list(51, before);
    const more = page.length > 50;
    const tasks = page.slice(0, 50);
    return { tasks: tasks.map((t) => v1Task(runner, t)), ...(more ? { nextCursor: String(tasks.at(-1)!.createdAt) } : {}) } as Result;
  });
  // tasks/result waits for the end, then answers exactly what the call would have. A question on
  // the way goes to the client as an elicitation request tied to the task; its answer goes to HeyGen.
  server.setRequestHandler('tasks/result', { params: GetTaskResultRequestV1Schema.shape.params }, async (p, ctx) => {
    let r = await load(deps, runner, p.taskId);
    while (!isTerminal(r.status)) {
      if (r.status === 'input_required' && r.question) {
        const q = questionRequest(r.question.message);
        const answer = await ctx.mcpReq.send({ method: 'elicitation/create', params: { ...q.params, mode: 'form', _meta: { [RELATED_TASK]: { taskId: r.taskId } } } as never });
        await runner.answer(deps, r.taskId, { [r.question.key]: answer }, ctx.mcpReq.signal);
        r = await load(deps, runner, p.taskId);
        continue;
      }
      await sleep(Math.min(1_000, runner.pollMinMs), ctx.mcpReq.signal);
      r = await load(deps, runner, p.taskId);
    }
    const meta = { _meta: { [RELATED_TASK]: { taskId: r.taskId } } };
    if (r.status === 'completed') return { ...(r.result ?? { content: [] }), ...meta } as Result;
    if (r.status === 'failed') throw new ProtocolError(r.error?.code ?? ProtocolErrorCode.InternalError, r.error?.message ?? 'The task failed.', r.error?.data);
    throw new ProtocolError(ProtocolErrorCode.InvalidParams, r.statusMessage ?? 'The task was cancelled.');
  });
}
