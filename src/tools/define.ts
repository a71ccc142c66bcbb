import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { CallToolResult, ContentBlock, ServerNotification, ServerRequest, ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import type { Toolset } from '../config.js';
import type { ServerDeps } from '../context.js';
import type { HeyGenClient } from '../heygen/client.js';
import { DryRunStop, type CallOptions } from '../heygen/http.js';
import type { KeyState } from '../state/memory.js';
import { describeError, type ErrorHints } from './errors.js';

/** read: no side effects · create: makes something new · update: changes in place · delete: removes. */
export type ToolKind = 'read' | 'create' | 'update' | 'delete';

export type Extra = RequestHandlerExtra<ServerRequest, ServerNotification>;

export interface ToolContext {
  heygen: HeyGenClient;
  /** Pass to every client method: carries cancellation and dry-run. */
  call: CallOptions;
  signal: AbortSignal;
  deps: ServerDeps;
  state: KeyState;
  extra: Extra;
  /** Sends notifications/progress when the client asked for it; otherwise does nothing. */
  progress(progress: number, total?: number, message?: string): Promise<void>;
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
   * Other names that call this same tool (e.g. the name HeyGen's own agent skills use). They are
   * registered for calls only: tools/list shows the tool once, under `name` (see ../tool-list.ts).
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
  /** Overrides for the annotations derived from `kind` (e.g. an update that replaces data). */
  annotations?: Partial<ToolAnnotations>;
  hints?: ErrorHints;
  input: I;
  output: O;
  handler(args: z.output<z.ZodObject<I>>, ctx: ToolContext): Promise<z.input<z.ZodObject<O>>>;
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
  return def.spendsCredits ? { ...def.input, ...SPEND_INPUT } : def.input;
}

export function outputSchemaOf(def: AnyToolDef): z.ZodObject {
  const base = z.object(def.output);
  return def.spendsCredits ? base.partial().extend(SPEND_OUTPUT) : base;
}

/**
 * The zod objects of a tool, built once per process: every HTTP session registers every tool
 * again, and rebuilding ~60 schemas per session cost memory and CPU for identical objects.
 */
const built = new WeakMap<AnyToolDef, { input: z.ZodObject; output: z.ZodObject }>();
function schemasOf(def: AnyToolDef): { input: z.ZodObject; output: z.ZodObject } {
  let s = built.get(def);
  if (!s) {
    s = { input: z.object(inputShapeOf(def)), output: outputSchemaOf(def) };
    built.set(def, s);
  }
  return s;
}

const SANDBOX_NOTE = 'Simulated by the built-in HeyGen sandbox: nothing real was created or charged.';

/**
 * Registers one tool definition under its name and each alias: the only place that talks to the
 * SDK about tools. An alias is the same handler under another name, so it validates, guards and
 * answers exactly as the tool does; createServer lists only the canonical names.
 */
export function registerTool(server: McpServer, def: AnyToolDef, deps: ServerDeps): void {
  if (def.description.length > 200) throw new Error(`${def.name}: description over 200 characters`);
  if (def.spendsCredits && !def.description.includes('Spends HeyGen credits.')) throw new Error(`${def.name}: spends credits but does not say so`);
  const { input, output } = schemasOf(def);
  const handler = toolHandler(def, deps, output);
  for (const name of [def.name, ...(def.aliases ?? [])]) {
    server.registerTool(name, {
      title: def.title,
      description: def.description,
      inputSchema: input,
      outputSchema: output,
      annotations: annotationsFor(def),
    }, handler);
  }
}

function toolHandler(def: AnyToolDef, deps: ServerDeps, output: z.ZodObject) {
  return async (args: Record<string, unknown>, extra: Extra): Promise<CallToolResult> => {
    const trailing: ContentBlock[] = [];
    const notes: string[] = [];
    const dryRun = def.spendsCredits === true && args.dry_run === true;
    const ctx: ToolContext = {
      heygen: deps.heygen,
      call: { signal: extra.signal, dryRun },
      signal: extra.signal,
      deps,
      state: deps.state,
      extra,
      progress: async (progress, total, message) => {
        const token = extra._meta?.progressToken;
        if (token === undefined) return;
        await extra.sendNotification({
          method: 'notifications/progress',
          params: { progressToken: token, progress, ...(total !== undefined ? { total } : {}), ...(message ? { message } : {}) },
        }).catch(() => undefined);
      },
      attach: (block) => trailing.push(block),
      link: (uri, name, description) => trailing.push({ type: 'resource_link', uri, name, mimeType: 'application/json', ...(description ? { description } : {}) }),
      note: (text) => notes.push(text),
    };
    try {
      let structured: Record<string, unknown>;
      if (def.spendsCredits && !dryRun) {
        const { dry_run: _d, allow_duplicate, ...rest } = args;
        const run = async () => ({ out: output.parse(await def.handler(rest, ctx)), trailing: [...trailing], notes: [...notes] });
        const fp = `${def.name}:${stableJson(rest)}`;
        const result = allow_duplicate === true ? { value: await run(), reused: false } : await deps.state.guard.run(fp, run);
        structured = result.reused ? { ...result.value.out, reused: true } : result.value.out;
        if ('warning' in result && result.warning) notes.push(result.warning);
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
      return { content, structuredContent: structured };
    } catch (err) {
      if (err instanceof DryRunStop) {
        const structured = { dry_run: true, request: err.request };
        return { content: [{ type: 'text', text: JSON.stringify(structured) }, { type: 'text', text: 'Dry run: nothing was sent and nothing was spent.' }], structuredContent: structured };
      }
      const text = describeError(err, def.hints);
      if (!(err instanceof Error) || !['InputError', 'ToolRefusal', 'HeyGenError'].includes(err.name)) {
        deps.log.error(`tool ${def.name} failed`, { error: err instanceof Error ? err.stack ?? err.message : String(err) });
      }
      return { content: [{ type: 'text', text }], isError: true };
    }
  };
}

/** JSON with object keys sorted, so equal arguments give equal fingerprints. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
    : v));
}
