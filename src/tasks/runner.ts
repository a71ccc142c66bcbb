import { randomUUID } from 'node:crypto';
import type { ContentBlock } from '@modelcontextprotocol/server';
import type { ProcessTasks, ServerDeps } from '../context.js';
import type { JobWatcher } from '../hosted/poller.js';
import { jobKind } from '../jobs/kinds.js';
import type { JobKindName, JobStatus } from '../jobs/kind.js';
import { isTerminal, TASK_TTL_MS, type StartedJob, type TaskRecord } from '../state/tasks.js';
import { scrub } from '../log.js';
import { shapedResult } from '../tools/define.js';
import { describeError } from '../errors.js';
import { ALL_TOOLS } from '../tools/index.js';
import { waitOutput } from '../tools/videos/wait-for-job.js';

/** What a task-status change is told to (a 2025 session's `notifications/tasks/status`). */
export type TaskListener = (record: TaskRecord) => void;

export interface TaskRunnerOptions {
  watcher: JobWatcher;
  /** The watcher's poll bounds: the pollIntervalMs a client is asked to keep. */
  pollMinMs?: number;
  pollMaxMs?: number;
  ttlMs?: number;
}

/** HeyGen cannot stop these once started: cancelling stops following, the job carries on. */
const UNSTOPPABLE = 'HeyGen has no way to stop this job once started: it carries on (and spends its credits); the task only stops following it.';

/**
 * Runs tasks for the whole process (they outlive the server instance that started them, which
 * on 2026-07-28 lives for one request): each task follows its HeyGen job through the shared job
 * watcher, so a hundred tasks or waits on one job cost the polls of one, and writes what it
 * sees into the key's task store, where any replica reads it.
 */
export class TaskRunner implements ProcessTasks {
  private readonly followed = new Map<string, { stop: () => void; release: () => Promise<void> }>();
  private readonly listeners = new Map<string, Set<TaskListener>>();
  private readonly renewers = new Map<string, () => void>();
  readonly pollMinMs: number;
  readonly pollMaxMs: number;
  readonly ttlMs: number;

  constructor(private readonly opts: TaskRunnerOptions) {
    this.pollMinMs = opts.pollMinMs ?? 2_000;
    this.pollMaxMs = opts.pollMaxMs ?? 30_000;
    this.ttlMs = opts.ttlMs ?? TASK_TTL_MS;
  }

  /** Tasks this process follows now. */
  get size(): number {
    return this.followed.size;
  }

  /** The interval a client is asked to poll at: short while the task is young, up to the watcher's cap. */
  pollIntervalMs(r: TaskRecord, now = Date.now()): number {
    return Math.min(this.pollMaxMs, Math.max(this.pollMinMs, Math.round((now - r.createdAt) / 20)));
  }

  /** Makes the task (durably: readable by every replica before this returns) and starts following its job. */
  async start(deps: ServerDeps, tool: string, s: StartedJob, o: { rev: 'v1' | 'v2'; elicit: boolean; ttlMs?: number | undefined }): Promise<TaskRecord> {
    const now = Date.now();
    const kind = jobKind(s.job.kind);
    const record: TaskRecord = {
      taskId: randomUUID(), tool, job: { kind: s.job.kind, id: s.job.id }, status: 'working',
      statusMessage: `${s.job.kind} ${s.job.id}: started`,
      createdAt: now, lastUpdatedAt: now, ttlMs: Math.min(o.ttlMs ?? this.ttlMs, this.ttlMs), rev: o.rev, elicit: o.elicit, asked: 0,
      ...(s.started ? { started: { structured: s.started.structured, content: s.started.content.slice(1) } } : {}),
    };
    if (!kind) Object.assign(record, failedFields(`wait_for_job cannot follow '${s.job.kind}' jobs.`, { kind: s.job.kind, id: s.job.id }));
    await deps.state.tasks.create(record);
    if (kind) await this.ensure(deps, record);
    return record;
  }

  /**
   * Follows a live task from this process unless another replica does (its follow lease is
   * alive). Called on every read, so a restarted server or another replica takes over a task
   * whose follower went away.
   */
  async ensure(deps: ServerDeps, r: TaskRecord): Promise<void> {
    const id = `${deps.state.keyId}\n${r.taskId}`;
    if (isTerminal(r.status) || this.followed.has(id)) return;
    if (!(await deps.state.tasks.claim(r.taskId, this.pollMaxMs * 3))) return;
    const kind = jobKind(r.job.kind);
    if (!kind || this.followed.has(id)) return;
    const stop = this.opts.watcher.follow(deps.state.keyId, deps.heygen, kind.resourceUri(r.job.id), {
      onState: (st) => { this.renewers.get(id)?.(); void this.seen(deps, r.taskId, st as JobStatus); },
      onGone: () => void this.finish(deps, r.taskId, (t) => ({ ...t, ...failedFields(`${t.job.kind} ${t.job.id} can no longer be read on HeyGen (deleted, or the key lost access).`, { kind: t.job.kind, id: t.job.id }) })),
    });
    // The lease is renewed on every status read, so it outlives the poll interval only while we follow.
    const renew = () => void deps.state.tasks.claim(r.taskId, this.pollMaxMs * 3);
    this.followed.set(id, { stop: () => { stop(); }, release: () => deps.state.tasks.release(r.taskId) });
    this.renewers.set(id, renew);
  }

  /** Tells `listener` about every change of one task until the task ends or the returned function is called. */
  listen(keyId: string, taskId: string, listener: TaskListener): () => void {
    const id = `${keyId}\n${taskId}`;
    let set = this.listeners.get(id);
    if (!set) this.listeners.set(id, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(id);
    };
  }

  /**
   * Cancels a task: a Video Agent session is stopped on HeyGen; other jobs cannot be stopped
   * there, which the status message says. Returns the task as it stands after.
   */
  async cancel(deps: ServerDeps, taskId: string, signal?: AbortSignal): Promise<TaskRecord | undefined> {
    const r = await deps.state.tasks.get(taskId);
    if (!r || isTerminal(r.status)) return r;
    let message: string;
    if (r.job.kind === 'video_agent_session') {
      try {
        await deps.heygen.videoAgents.stop(r.job.id, { ...(signal ? { signal } : {}) });
        message = `Cancelled: Video Agent session ${r.job.id} was stopped on HeyGen.`;
      } catch (err) {
        // The client asked to stop following either way; say plainly that the session may run on.
        message = `Cancelled, but HeyGen did not confirm stopping Video Agent session ${r.job.id}: ${describeError(err)} It may still run: check it with get_video_agent_session.`;
      }
    } else {
      message = `Cancelled. ${UNSTOPPABLE}`;
    }
    return this.finish(deps, taskId, (t) => ({ ...t, status: 'cancelled', statusMessage: message }));
  }

  /**
   * Answers for an `input_required` task (`tasks/update`): an accepted answer to the current
   * question goes to the Video Agent as a message and the task resumes. Keys that are not the
   * outstanding question are ignored, as the extension asks.
   */
  async answer(deps: ServerDeps, taskId: string, responses: Record<string, unknown>, signal?: AbortSignal): Promise<void> {
    const r = await deps.state.tasks.get(taskId);
    const q = r?.question;
    if (!r || !q || r.status !== 'input_required' || !(q.key in responses)) return;
    const reply = responses[q.key] as { action?: string; content?: { answer?: unknown } } | undefined;
    const text = typeof reply?.content?.answer === 'string' ? reply.content.answer.trim().slice(0, 10_000) : '';
    if (reply?.action === 'accept' && text) {
      // Take the question first (compare-and-set in the store): a reply spends credits, so two
      // updates racing with the same answer, on one replica or two, send it once.
      const mark = `${r.job.kind} ${r.job.id}: sending the answer (${randomUUID().slice(0, 8)})`;
      const taken = await this.change(deps, taskId, (t) => (t.question?.key === q.key ? clearQuestion({ ...t, status: 'working', statusMessage: mark }) : undefined));
      if (taken?.statusMessage !== mark) return;
      try {
        await deps.heygen.videoAgents.send(r.job.id, { message: text }, { ...(signal ? { signal } : {}) });
      } catch (err) {
        // Not delivered: put the question back so it can be answered again.
        await this.change(deps, taskId, (t) => (t.statusMessage === mark ? { ...t, status: 'input_required', question: q, statusMessage: `The Video Agent asks: ${q.message}` } : undefined));
        throw err;
      }
      await this.change(deps, taskId, (t) => (t.statusMessage === mark ? { ...t, statusMessage: `${t.job.kind} ${t.job.id}: answer sent, the agent resumes` } : undefined));
      const kind = jobKind(r.job.kind);
      if (kind) this.opts.watcher.nudge(deps.state.keyId, kind.resourceUri(r.job.id));
      return;
    }
    // Declined or empty: the session keeps waiting for a reply; say how to give one later.
    await this.change(deps, taskId, (t) => (t.question?.key === q.key ? clearQuestion({ ...t, status: 'working', statusMessage: `The question was not answered; the session waits. Reply with send_video_agent_message {"session_id":"${t.job.id}"} or cancel the task.` }) : undefined));
  }

  private async seen(deps: ServerDeps, taskId: string, st: JobStatus): Promise<void> {
    if (st.done) {
      await this.finish(deps, taskId, (t) => ({ ...t, status: 'completed', progress: 100, statusMessage: `${t.job.kind} ${t.job.id}: ${st.status}`, result: completedResult(deps, t, st) as Record<string, unknown> }));
      return;
    }
    if (st.failed) {
      await this.finish(deps, taskId, (t) => ({ ...t, ...failedFields(st.failure_message ?? 'HeyGen reported the job as failed.', { kind: t.job.kind, id: t.job.id, failure_code: st.failure_code ?? 'failed', failure_message: st.failure_message ?? '' }) }));
      return;
    }
    const question = st.needs_input && typeof st.result.agent_message === 'string' ? st.result.agent_message : undefined;
    await this.change(deps, taskId, (t) => {
      const base = { ...t, ...(st.progress !== undefined ? { progress: st.progress } : {}) };
      if (question !== undefined) {
        if (t.status === 'input_required' || t.lastAsked === question) return t.status === 'input_required' ? undefined : { ...base, statusMessage: waitingMessage(t, question) };
        if (!t.elicit) return { ...base, lastAsked: question, statusMessage: waitingMessage(t, question) };
        const key = `question-${t.asked + 1}`;
        return { ...base, status: 'input_required', asked: t.asked + 1, lastAsked: question, question: { key, message: question }, statusMessage: `The Video Agent asks: ${question}` };
      }
      const message = `${t.job.kind} ${t.job.id}: ${st.status}${st.progress !== undefined ? ` (${st.progress}%)` : ''}`;
      if (t.status === 'working' && t.statusMessage === message && t.progress === base.progress && t.lastAsked === undefined) return undefined;
      // The session moved on: a later question, even worded the same, is a new one.
      const { lastAsked: _l, ...rest } = base;
      return clearQuestion({ ...rest, status: 'working', statusMessage: message });
    });
  }

  private async change(deps: ServerDeps, taskId: string, f: (t: TaskRecord) => TaskRecord | undefined): Promise<TaskRecord | undefined> {
    let changed = false;
    const r = await deps.state.tasks.update(taskId, (t) => {
      const next = f(t);
      if (next) {
        next.lastUpdatedAt = Date.now();
        changed = true;
      }
      return next;
    });
    if (r && changed) this.tell(deps.state.keyId, r);
    // Expired (or evicted): nobody can ask about it any more, so stop spending polls on it.
    if (!r) this.drop(`${deps.state.keyId}\n${taskId}`);
    return r;
  }

  private async finish(deps: ServerDeps, taskId: string, f: (t: TaskRecord) => TaskRecord): Promise<TaskRecord | undefined> {
    const r = await this.change(deps, taskId, (t) => clearQuestion(f(t)));
    this.drop(`${deps.state.keyId}\n${taskId}`);
    return r;
  }

  private drop(id: string): void {
    this.followed.get(id)?.stop();
    this.followed.delete(id);
    this.renewers.delete(id);
    this.listeners.delete(id);
  }

  private tell(keyId: string, r: TaskRecord): void {
    for (const l of [...(this.listeners.get(`${keyId}\n${r.taskId}`) ?? [])]) {
      try {
        l(r);
      } catch {
        // A closed session cannot be told; it reads the task when it comes back.
      }
    }
  }

  /** Stops following and hands the live tasks' leases back, so another replica takes them over at once. */
  async close(): Promise<void> {
    const held = [...this.followed.values()];
    this.followed.clear();
    this.renewers.clear();
    this.listeners.clear();
    for (const f of held) f.stop();
    await Promise.all(held.map((f) => f.release().catch(() => undefined)));
  }
}

function clearQuestion(t: TaskRecord): TaskRecord {
  const { question: _q, ...rest } = t;
  return rest;
}

function waitingMessage(t: TaskRecord, question: string): string {
  return `The Video Agent asks: ${question} — reply with send_video_agent_message {"session_id":"${t.job.id}"}; the task then carries on.`;
}

function failedFields(raw: string, data: Record<string, unknown>): Pick<TaskRecord, 'status' | 'statusMessage' | 'error'> {
  // The job itself failed upstream: reported as an internal error carrying HeyGen's code and words.
  const message = scrub(raw);
  return { status: 'failed', statusMessage: `Failed: ${message}`, error: { code: -32603, message, data } };
}

/**
 * The result a finished task hands back: what the tool gives without a task. For wait_for_job
 * that is its finished result; for a create, its own result (ids, links) with the finished job's
 * fields (URLs, duration, status) and the next step.
 */
function completedResult(deps: ServerDeps, t: TaskRecord, st: JobStatus) {
  const def = ALL_TOOLS.find((d) => d.name === t.tool);
  const done = waitOutput(t.job.kind as JobKindName, t.job.id, st);
  if (!def) return shapedResult(deps, ALL_TOOLS[0]!, done, []);
  if (!t.started) return shapedResult(deps, def, done, []);
  const { kind: _k, id: _i, next, ...finished } = done;
  const links = (t.started.content as ContentBlock[]).filter((c) => c.type === 'resource_link');
  return shapedResult(deps, def, { ...t.started.structured, ...finished }, [...links, ...(next ? [{ type: 'text' as const, text: `Next: ${next}.` }] : [])]);
}
