import { z } from 'zod';
import type { CallToolResult, ClientCapabilities, ContentBlock, InputRequiredResult, Result, ServerContext, ToolAnnotations } from '@modelcontextprotocol/server';
import type { Toolset } from '../config.js';
import type { ServerDeps } from '../context.js';
import type { HeyGenClient } from '../heygen/client.js';
import { DryRunStop, type CallOptions } from '../heygen/http.js';
import { HeyGenError } from '../heygen/errors.js';
import { MaybeCreated, type JobRecord, type KeyState } from '../state/contract.js';
import type { StartedJob } from '../state/tasks.js';
import { describeError, InputError, ToolRefusal, type ErrorHints } from '../errors.js';

/** read: no side effects · create: makes something new · update: changes in place · delete: removes. */
export type ToolKind = 'read' | 'create' | 'update' | 'delete';

export interface ToolContext {
  heygen: HeyGenClient;
  /** Pass to every client method: carries cancellation and dry-run. */
  call: CallOptions;
  signal: AbortSignal;
  deps: ServerDeps;
  state: KeyState;
  /** The SDK's request context (envelope, input responses, progress token). */
  mcp: ServerContext;
  /** Sends notifications/progress when the client asked for it; otherwise does nothing. */
  progress(progress: number, total?: number, message?: string): Promise<void>;
  /**
   * Folders the client exposed as MCP roots. The first call of a request asks the client for
   * them (an `input_required` round on 2026-07-28, a `roots/list` request on 2025 sessions) and
   * the tool runs again with the answer; a client without roots contributes none.
   */
  clientRoots(): Promise<string[]>;
  /** The client's declared capabilities (envelope on 2026-07-28, initialize on 2025). */
  clientCapabilities(): ClientCapabilities | undefined;
  /** Adds a content block (image, resource_link, …) after the JSON text of the result. */
  attach(block: ContentBlock): void;
  /** Adds a resource_link to a `heygen://` resource. */
  link(uri: string, name: string, description?: string): void;
  /** Adds a short line of advice after the JSON text (what to do next). */
  note(text: string): void;
}

export interface ToolDef<I extends z.ZodRawShape = z.ZodRawShape, O extends z.ZodRawShape = z.ZodRawShape> {
  name: string;
  /**
   * Other names that call this same tool (e.g. the name HeyGen's own agent skills use). They
   * answer tools/call only: tools/list shows the tool once, under `name`.
   */
  aliases?: readonly string[];
  title: string;
  /** One or two sentences, ≤ 200 characters. Credit spenders must say "Spends HeyGen credits." */
  description: string;
  toolset: Toolset;
  kind: ToolKind;
  /** Spends credits: adds `dry_run` and `allow_duplicate`, and the duplicate guard. */
  spendsCredits?: boolean;
  /** Works without HeyGen (no open world). */
  local?: boolean;
  /**
   * Can run as an MCP task: `starts-job` — the tool starts a HeyGen job (the first one it
   * records) and the task follows it; `waits-on-job` — the arguments name the job to follow.
   */
  task?: 'starts-job' | 'waits-on-job';
  /** Overrides for the annotations derived from `kind` (e.g. an update that replaces data). */
  annotations?: Partial<ToolAnnotations>;
  hints?: ErrorHints;
  /**
   * Argument names older callers still send (a media input's former `<x>_url`, `_asset_id` and
   * `_base64` fields; HeyGen's `file`), each folded into the argument it became before the
   * arguments are checked. tools/list shows only today's names; an error about a folded value
   * names the field as the caller spelled it.
   */
  formerNames?: Readonly<Record<string, FormerName>>;
  /**
   * The `ui://` resource of the MCP Apps view that shows this tool's result (`_meta.ui` in
   * tools/list). Hosts without Apps ignore it; the result itself is the same for every client.
   */
  view?: string;
  /**
   * The argument and result shapes, as functions: a process builds them the first time the
   * tool is called (tools/list comes from entries made at build time, dist/tools/tools-list.json),
   * so a start does not construct the schemas of all ~85 tools.
   */
  input: () => I;
  output: () => O;
  handler(args: z.output<z.ZodObject<I>>, ctx: ToolContext): Promise<z.input<z.ZodObject<O>>>;
}

/** Where a former argument name goes: `to` the current one, its value converted by `value` if given. */
export interface FormerName {
  to: string;
  value?: (v: unknown) => unknown;
}

export type AnyToolDef = ToolDef<any, any>;

export function defineTool<I extends z.ZodRawShape, O extends z.ZodRawShape>(def: ToolDef<I, O>): ToolDef<I, O> {
  return def;
}

export function annotationsFor(def: AnyToolDef): ToolAnnotations {
  const openWorldHint = !def.local;
  const base: ToolAnnotations = def.kind === 'read'
    ? { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint }
    : def.kind === 'create'
      ? { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint }
      : def.kind === 'update'
        ? { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint }
        : { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint };
  return { ...base, ...def.annotations };
}

// What dry_run and allow_duplicate do is said once, in the server instructions, not per tool.
const SPEND_INPUT = {
  dry_run: z.boolean().optional(),
  allow_duplicate: z.boolean().optional(),
};

const SPEND_OUTPUT = {
  dry_run: z.boolean().optional(),
  // `additionalProperties: true` spelled out: strict validators flag an empty `{}` as a bare true.
  request: z.looseObject({}).meta({ additionalProperties: true }).optional(),
  reused: z.boolean().optional(),
};

export function inputShapeOf(def: AnyToolDef): z.ZodRawShape {
  const shape = def.input();
  return def.spendsCredits ? { ...shape, ...SPEND_INPUT } : shape;
}

function outputSchemaOf(def: AnyToolDef): z.ZodObject {
  const base = z.object(def.output());
  return def.spendsCredits ? base.partial().extend(SPEND_OUTPUT) : base;
}

/**
 * The zod objects of a tool, built once per process: a server instance is built per modern
 * HTTP request, and rebuilding ~60 schemas each time would cost memory and CPU for identical
 * objects.
 */
const built = new WeakMap<AnyToolDef, { input: z.ZodObject; output: z.ZodObject }>();
export function schemasOf(def: AnyToolDef): { input: z.ZodObject; output: z.ZodObject } {
  let s = built.get(def);
  if (!s) {
    s = { input: z.object(inputShapeOf(def)), output: outputSchemaOf(def) };
    built.set(def, s);
  }
  return s;
}

/** Checks a tool definition once, when the tables are built. */
export function checkToolDef(def: AnyToolDef): void {
  if (def.description.length > 200) throw new Error(`${def.name}: description over 200 characters`);
  if (def.spendsCredits && !def.description.includes('Spends HeyGen credits.')) throw new Error(`${def.name}: spends credits but does not say so`);
}

/**
 * Thrown by a tool that needs something from the client first (its roots): the wrapper answers
 * with the `input_required` result and the SDK calls the tool again with the answer.
 */
export class NeedsInput extends Error {
  override readonly name = 'NeedsInput';
  constructor(readonly result: InputRequiredResult) {
    super('input required');
  }
}

const SANDBOX_NOTE = 'Simulated by the built-in HeyGen sandbox: nothing real was created or charged.';

/** Deepest nesting any argument may have; the deepest real input (studio scenes) is under 8. */
export const MAX_ARGUMENT_DEPTH = 32;

/**
 * What is wrong with a tools/call `arguments` value before any schema sees it, or undefined.
 * Walks iteratively, so a 10,000-level value cannot exhaust the stack here; refusing it up front
 * means no later step (zod, a fingerprint, a log line) has to survive it either. An own
 * `__proto__` key (JSON.parse makes one) would be dropped silently by object parsing, so the
 * caller would never learn that part of the input was ignored: it is refused by name instead.
 */
export function argumentProblem(args: unknown): string | undefined {
  if (!args || typeof args !== 'object' || Array.isArray(args)) return undefined;
  for (const name of Object.keys(args)) {
    if (name === '__proto__') return 'Invalid argument name "__proto__": it is not accepted. Rename it.';
    const stack: { value: unknown; depth: number; path: string }[] = [{ value: (args as Record<string, unknown>)[name], depth: 1, path: name }];
    while (stack.length > 0) {
      const { value, depth, path } = stack.pop()!;
      if (!value || typeof value !== 'object') continue;
      if (depth > MAX_ARGUMENT_DEPTH) return `Invalid ${name}: nested more than ${MAX_ARGUMENT_DEPTH} levels deep. Send a flatter value.`;
      for (const key of Object.keys(value)) {
        const child = `${path}.${key}`;
        if (key === '__proto__' && !Array.isArray(value)) return `Invalid ${child}: "__proto__" is not an accepted name. Rename it.`;
        stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1, path: child });
      }
    }
  }
  return undefined;
}

/** Per-call hooks the server supplies: the parts of a call that depend on the connection. */
export interface CallBinding {
  deps: ServerDeps;
  mcp: ServerContext;
  clientRoots(): Promise<string[]>;
  clientCapabilities(): ClientCapabilities | undefined;
  /**
   * Present when this call is to become a task (the client can follow one and the tool
   * supports it): turns the started job into the task-creation result.
   */
  asTask?: ((started: StartedJob) => Promise<Result>) | undefined;
}

/**
 * Runs one tool call: argument validation with errors that name the field, the duplicate
 * guard, dry run, output stripping, the compact JSON mirror and error wording. The only place
 * that turns a tool definition into a `tools/call` result.
 */
export async function runTool(def: AnyToolDef, rawArgs: unknown, bind: CallBinding): Promise<CallToolResult | InputRequiredResult | Result> {
  const { deps, mcp } = bind;
  const { input, output } = schemasOf(def);
  const problem = argumentProblem(rawArgs);
  if (problem) return errorResult(problem);
  const folded = foldFormerNames(def, rawArgs);
  if (typeof folded === 'string') return errorResult(folded);
  const parsed = input.safeParse(folded.args ?? {});
  if (!parsed.success) return errorResult(formatIssues(parsed.error, folded.spelled));
  const args = parsed.data as Record<string, unknown>;
  const trailing: ContentBlock[] = [];
  const notes: string[] = [];
  const dryRun = def.spendsCredits === true && args.dry_run === true;
  const asTask = dryRun ? undefined : bind.asTask;
  if (asTask && def.task === 'waits-on-job') return asTask({ job: { kind: String(args.kind), id: String(args.id) } });
  const signal = mcp.mcpReq.signal;
  // The first job a tool records is the one it started: a task follows that one.
  let job: StartedJob['job'] | undefined;
  const state = asTask && def.task === 'starts-job'
    ? { ...deps.state, jobs: { ...deps.state.jobs, record: (j: JobRecord) => { job ??= { kind: j.kind, id: j.id }; return deps.state.jobs.record(j); }, recent: (n?: number) => deps.state.jobs.recent(n) } }
    : deps.state;
  const ctx: ToolContext = {
    heygen: deps.heygen,
    call: { signal, dryRun },
    signal,
    deps,
    state,
    mcp,
    progress: async (progress, total, message) => {
      const token = mcp.mcpReq._meta?.progressToken;
      if (token === undefined) return;
      await mcp.mcpReq.notify({
        method: 'notifications/progress',
        params: { progressToken: token, progress, ...(total !== undefined ? { total } : {}), ...(message ? { message } : {}) },
      }).catch(() => undefined);
    },
    clientRoots: bind.clientRoots,
    clientCapabilities: bind.clientCapabilities,
    attach: (block) => trailing.push(block),
    link: (uri, name, description) => trailing.push({ type: 'resource_link', uri, name, mimeType: 'application/json', ...(description ? { description } : {}) }),
    note: (text) => notes.push(text),
  };
  let taskStart: StartedJob | undefined;
  try {
    let structured: Record<string, unknown>;
    if (def.spendsCredits && !dryRun) {
      const { dry_run: _d, allow_duplicate, ...rest } = args;
      const run = async () => ({ out: output.parse(await def.handler(rest, ctx)), trailing: [...trailing], notes: [...notes], job });
      const fp = `${def.name}:${stableJson(rest)}`;
      const result = allow_duplicate === true ? { value: await run(), reused: false } : await guarded(deps, def, fp, run);
      structured = result.reused ? { ...result.value.out, reused: true } : result.value.out;
      if ('warning' in result && result.warning) notes.push(result.warning);
      job ??= result.value.job;
      if (result.reused) {
        trailing.splice(0, trailing.length, ...result.value.trailing);
        notes.splice(0, notes.length, 'This identical request already succeeded in the last 10 minutes, so the earlier job is returned and nothing was spent. Pass allow_duplicate: true to make another.');
      }
    } else {
      structured = output.parse(await def.handler(args, ctx)) as Record<string, unknown>;
    }
    const content: ContentBlock[] = [{ type: 'text', text: JSON.stringify(structured) }];
    for (const n of notes) content.push({ type: 'text', text: n });
    content.push(...trailing);
    if (deps.sandbox && !def.local) content.push({ type: 'text', text: SANDBOX_NOTE });
    if (!asTask || !job) return { content, structuredContent: structured };
    taskStart = { job, started: { structured, content } };
  } catch (err) {
    if (err instanceof NeedsInput) return err.result;
    if (err instanceof DryRunStop) {
      const structured = { dry_run: true, request: err.request };
      return { content: [{ type: 'text', text: JSON.stringify(structured) }, { type: 'text', text: 'Dry run: nothing was sent and nothing was spent.' }], structuredContent: structured };
    }
    const text = describeError(err, def.hints);
    if (!(err instanceof Error) || !['InputError', 'ToolRefusal', 'HeyGenError'].includes(err.name)) {
      deps.log.error(`tool ${def.name} failed`, { error: err instanceof Error ? err.stack ?? err.message : String(err) });
    }
    return errorResult(text);
  }
  // Outside the try: what becomes of the task result is the server's business, not an error to word.
  return asTask!(taskStart);
}

/** A finished result in the wrapper's shape (JSON mirror first, then the rest), for results made outside a call. */
export function shapedResult(deps: ServerDeps, def: AnyToolDef, structured: Record<string, unknown>, rest: ContentBlock[]): CallToolResult {
  const content: ContentBlock[] = [{ type: 'text', text: JSON.stringify(structured) }, ...rest];
  if (deps.sandbox && !def.local) content.push({ type: 'text', text: SANDBOX_NOTE });
  return { content, structuredContent: structured };
}

function errorResult(text: string): CallToolResult {
  return { content: [{ type: 'text', text }], isError: true };
}

/**
 * The arguments with former names folded into today's (see ToolDef.formerNames), and which
 * current name each folded value was spelled as; or the error text when one input came twice.
 */
function foldFormerNames(def: AnyToolDef, raw: unknown): { args: unknown; spelled: Map<string, string> } | string {
  const spelled = new Map<string, string>();
  if (!def.formerNames || !raw || typeof raw !== 'object' || Array.isArray(raw)) return { args: raw, spelled };
  const args: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  for (const [old, { to, value }] of Object.entries(def.formerNames)) {
    if (!Object.hasOwn(args, old) || args[old] === undefined) continue;
    const first = spelled.get(to) ?? (args[to] !== undefined ? to : undefined);
    if (first) return describeError(new InputError(to, `given twice, as ${first} and ${old}; pass it once, as ${to}`));
    args[to] = value ? value(args[old]) : args[old];
    delete args[old];
    spelled.set(to, old);
  }
  return { args, spelled };
}

/** zod issues as one line per field: `Invalid <path>: <what is allowed>`, the path as the caller spelled it. */
function formatIssues(error: z.ZodError, spelled: ReadonlyMap<string, string> = new Map()): string {
  const pathOf = (p: PropertyKey[]) => p.map((k, n) => (n === 0 ? spelled.get(String(k)) ?? String(k) : String(k))).join('.');
  const lines = error.issues.slice(0, 5).map((i) => describeError(new InputError(i.path.length ? pathOf(i.path) : 'arguments', issueText(i))));
  if (error.issues.length > 5) lines.push(`…and ${error.issues.length - 5} more problems.`);
  return lines.join('\n');
}

function issueText(i: z.core.$ZodIssue): string {
  if (i.code === 'unrecognized_keys') return `unknown field${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')}`;
  return i.message;
}

/** A failure after which the create may exist upstream (and be paid for). */
const mayHaveCreated = (err: unknown): boolean => err instanceof HeyGenError && err.ambiguous;

/** The duplicate guard, with a "maybe created" answer that says which check to run first. */
async function guarded<T>(deps: ServerDeps, def: AnyToolDef, fp: string, run: () => Promise<T>): Promise<{ value: T; reused: boolean; warning?: string }> {
  try {
    return await deps.state.guard.run(fp, run, mayHaveCreated);
  } catch (err) {
    if (!(err instanceof MaybeCreated)) throw err;
    const ago = Math.max(1, Math.round((Date.now() - err.since) / 1000));
    const check = def.hints?.recoverWith ?? 'the matching list tool';
    throw new ToolRefusal(`An identical request failed ${ago} s ago in a way that may have created the job and charged for it, so nothing was sent this time. Check ${check} first; if the job is not there, call again with allow_duplicate: true.`);
  }
}

/** JSON with object keys sorted, so equal arguments give equal fingerprints. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
    : v));
}
