import type { Dispatcher } from 'undici';
import type { Config } from './config.js';
import type { HeyGenClient } from './heygen/client.js';
import type { JobWatcher } from './hosted/poller.js';
import type { Logger } from './log.js';
import type { KeyState } from './state/contract.js';
import type { StartedJob, TaskRecord } from './state/tasks.js';

/** Everything a server instance needs: built per stdio connection, modern HTTP request, 2025 session or test. */
export interface ServerDeps {
  config: Config;
  heygen: HeyGenClient;
  state: KeyState;
  /** stdio allows local files (download, upload from a path); http returns URLs instead. */
  transport: 'stdio' | 'http';
  /**
   * The protocol era the instance serves: `modern` (2026-07-28, per-request envelope) or
   * `legacy` (2025-era sessions). Decides where caching hints and client capabilities come from.
   */
  era?: 'modern' | 'legacy' | undefined;
  /** True when talking to the built-in simulator: results say so. */
  sandbox: boolean;
  log: Logger;
  /** Dispatcher for fetching file URLs HeyGen returned (tests inject one). */
  fileDispatcher?: Dispatcher | undefined;
  version?: string | undefined;
  /**
   * Shared job poller behind 2025-era `resources/subscribe`; absent where a server cannot notify
   * later. (2026-07-28 clients use `subscriptions/listen`, which the transports serve.)
   */
  watcher?: JobWatcher | undefined;
  /**
   * Runs MCP tasks (renders the client follows with tasks/get) for the whole process; absent
   * where a server cannot follow jobs after a call returns, and then no task is offered.
   */
  tasks?: ProcessTasks | undefined;
  /**
   * Hosted mode with sign-in: the person this instance serves. Their HeyGen key comes from the
   * encrypted key store (or the team key); tools that reach HeyGen ask for one when there is none.
   */
  account?: AccountBinding | undefined;
}

/**
 * The process's MCP tasks as a server instance drives them: `TaskRunner` (tasks/runner.ts)
 * implements it. Declared here, with the other dependencies, because the runner itself sits
 * above the tools (it finishes a task with the tool's own result) and takes `ServerDeps`.
 */
export interface ProcessTasks {
  /** The shortest interval a client is asked to poll at. */
  readonly pollMinMs: number;
  /** The interval a client is asked to poll this task at now. */
  pollIntervalMs(r: TaskRecord, now?: number): number;
  /** Makes the task (readable by every replica before this returns) and starts following its job. */
  start(deps: ServerDeps, tool: string, s: StartedJob, o: { rev: 'v1' | 'v2'; elicit: boolean; ttlMs?: number | undefined }): Promise<TaskRecord>;
  /** Follows a live task from this process unless another replica does. */
  ensure(deps: ServerDeps, r: TaskRecord): Promise<void>;
  /** Tells `listener` about every change of one task until it ends or the returned function is called. */
  listen(keyId: string, taskId: string, listener: (record: TaskRecord) => void): () => void;
  /** Cancels a task; returns it as it stands after. */
  cancel(deps: ServerDeps, taskId: string, signal?: AbortSignal): Promise<TaskRecord | undefined>;
  /** Answers the task's outstanding question (`tasks/update`, or a 2025 elicitation reply). */
  answer(deps: ServerDeps, taskId: string, responses: Record<string, unknown>, signal?: AbortSignal): Promise<void>;
}

/** Which HeyGen key a signed-in person runs with. */
export type KeySource = 'personal' | 'team' | 'none';

export interface AccountBinding {
  /** A name to show the person (from their token), never a secret. */
  readonly name: string;
  /** A fresh, signed, short-lived link to the page where the person saves or replaces their key. */
  keyPageUrl(): string;
  /** Dependencies bound to the person's current key; undefined while they have none. */
  current(): Promise<ServerDeps | undefined>;
  source(): Promise<KeySource>;
  /** Deletes the person's saved key (the team key, if any, applies again). */
  forget(): Promise<void>;
}

/**
 * The dependencies to serve one request with: for a signed-in person, bound to their key as it
 * is now (saved, replaced or deleted since the instance was made); undefined while they have none.
 */
export async function currentDeps(deps: ServerDeps): Promise<ServerDeps | undefined> {
  if (!deps.account) return deps;
  const now = await deps.account.current();
  return now ? { ...now, era: deps.era, watcher: deps.watcher, tasks: deps.tasks, account: deps.account } : undefined;
}
