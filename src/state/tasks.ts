import type { ContentBlock } from '@modelcontextprotocol/server';

/** What a task is doing, in the vocabulary both task revisions share. */
export type TaskStatus = 'working' | 'input_required' | 'completed' | 'failed' | 'cancelled';

export function isTerminal(status: TaskStatus): boolean {
  return status === 'completed' || status === 'failed' || status === 'cancelled';
}

/** A question the Video Agent asked, as it was put to the client (one key, never reused). */
export interface TaskQuestion { key: string; message: string }

/**
 * The job a tools/call started (or names), and what the call answered when it started it: what
 * the tool wrapper hands over when the call becomes a task.
 */
export interface StartedJob {
  job: { kind: string; id: string };
  /** Absent for `waits-on-job` tools: nothing ran yet. */
  started?: { structured: Record<string, unknown>; content: ContentBlock[] };
}

/**
 * One task: a tools/call the client follows with tasks/get. It maps the task id to the HeyGen
 * job the call started and keeps what the final result needs, so any replica (or this one after
 * a restart) can answer for it and finish it.
 */
export interface TaskRecord {
  taskId: string;
  /** The tool that was called (`create_video_agent`, `wait_for_job`, …). */
  tool: string;
  job: { kind: string; id: string };
  status: TaskStatus;
  statusMessage?: string;
  /** 0–100 when HeyGen reports it. */
  progress?: number;
  createdAt: number;
  lastUpdatedAt: number;
  ttlMs: number;
  /** The revision the task was made in: `v2` (2026-07-28 extension) or `v1` (2025-11-25). */
  rev: 'v1' | 'v2';
  /** The client declared form elicitation when it started the task: questions go out as input requests. */
  elicit: boolean;
  /** The tool's own result when it started the job (a create's ids, links, notes). */
  started?: { structured: Record<string, unknown>; content: unknown[] };
  question?: TaskQuestion;
  /** How many questions were asked so far (keys are `question-<n>`). */
  asked: number;
  /** The agent message last put as a question, so the same one is not asked twice. */
  lastAsked?: string;
  /** `completed`: the tools/call result. */
  result?: Record<string, unknown>;
  /** `failed`: a JSON-RPC error object. */
  error?: { code: number; message: string; data?: Record<string, unknown> };
}

/**
 * Tasks of one API key. A key only ever sees its own tasks; ids are random UUIDs (unguessable).
 * Expired tasks read as missing.
 */
export interface TaskStore {
  /** Resolves once the task is readable by every replica (durable create). */
  create(record: TaskRecord): Promise<void>;
  get(taskId: string): Promise<TaskRecord | undefined>;
  /**
   * Applies `change` to the stored task unless it has reached a terminal status meanwhile;
   * returns the stored task after the change (or as it was when terminal or missing).
   */
  update(taskId: string, change: (r: TaskRecord) => TaskRecord | undefined): Promise<TaskRecord | undefined>;
  /** Newest first, for the 2025-11-25 `tasks/list`. */
  list(limit: number, before?: number): Promise<TaskRecord[]>;
  /**
   * Takes or renews the right to follow a task's job for `ttlMs`: one replica follows each
   * task, another takes over when the holder stops renewing (it stopped or crashed).
   */
  claim(taskId: string, ttlMs: number): Promise<boolean>;
  /** Gives up this replica's follow lease (it is shutting down), so another takes over at once. */
  release(taskId: string): Promise<void>;
}

/** Twenty-four hours: long enough for the slowest Video Agent session and a client coming back to it. */
export const TASK_TTL_MS = 24 * 60 * 60_000;

export class MemoryTaskStore implements TaskStore {
  private readonly tasks = new Map<string, TaskRecord>();
  constructor(private readonly now: () => number = Date.now, private readonly max = 2_000) {}

  async create(record: TaskRecord): Promise<void> {
    this.sweep();
    if (this.tasks.size >= this.max) this.tasks.delete(this.tasks.keys().next().value as string);
    this.tasks.set(record.taskId, structuredClone(record));
  }

  async get(taskId: string): Promise<TaskRecord | undefined> {
    return this.read(taskId);
  }

  private read(taskId: string): TaskRecord | undefined {
    const r = this.tasks.get(taskId);
    if (!r) return undefined;
    if (r.createdAt + r.ttlMs <= this.now()) {
      this.tasks.delete(taskId);
      return undefined;
    }
    return structuredClone(r);
  }

  async update(taskId: string, change: (r: TaskRecord) => TaskRecord | undefined): Promise<TaskRecord | undefined> {
    // Read, change and write with no await between: concurrent updates apply one after the other.
    const r = this.read(taskId);
    if (!r || isTerminal(r.status)) return r;
    const next = change(r);
    if (!next) return r;
    this.tasks.set(taskId, structuredClone(next));
    return next;
  }

  async list(limit: number, before = Infinity): Promise<TaskRecord[]> {
    this.sweep();
    return [...this.tasks.values()].filter((r) => r.createdAt < before).sort((a, b) => b.createdAt - a.createdAt).slice(0, limit).map((r) => structuredClone(r));
  }

  async claim(): Promise<boolean> {
    return true;
  }

  async release(): Promise<void> {
    // One process: nobody else could take over.
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, r] of this.tasks) if (r.createdAt + r.ttlMs <= now) this.tasks.delete(id);
  }
}
