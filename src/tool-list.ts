import { readFileSync } from 'node:fs';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

type ToolEntry = Record<string, unknown>;
const listCache = new Map<string, { tools: ToolEntry[] }>();
let precomputed: Record<string, ToolEntry> | null | undefined;

/**
 * The build (scripts/postbuild.mjs) writes every tool's finished tools/list entry next to this
 * module as tools-list.json, so a fresh process answers tools/list without converting ~60 zod
 * schemas (≈ 0.4 s, most of a cold start). Running from sources there is no such file and the
 * list is computed live; an end-to-end test checks both give the same list.
 */
function precomputedEntries(): Record<string, ToolEntry> | null {
  if (precomputed === undefined) {
    try {
      precomputed = (JSON.parse(readFileSync(new URL('./tools-list.json', import.meta.url), 'utf8')) as { tools: Record<string, ToolEntry> }).tools;
    } catch {
      precomputed = null;
    }
  }
  return precomputed;
}

/**
 * tools/list is read into every conversation, so every character costs the agent context.
 * What the list advertises is trimmed to what a model uses to call a tool well; nothing it
 * drops is lost, because arguments are validated by the full zod schemas on the server:
 * - the SDK's `$schema` URL on every schema and `execution: {taskSupport: 'forbidden'}` (the
 *   protocol default);
 * - regex `pattern`s and `format`s: ids and URLs are checked server-side, and a failed check
 *   names the field and the rule;
 * - `additionalProperties: false` on output schemas (results are stripped to the schema) and
 *   the ±2^53 bounds zod puts on every integer;
 * - `additionalProperties: {}` is said as `true` (same meaning, explicit for strict validators);
 * - `propertyNames: {type: 'string'}` and empty nested `properties` (they say nothing);
 * - on read-only tools, the destructive and idempotent hints, which the spec defines only for
 *   tools that change something;
 * - tool aliases (ToolDef.aliases): callable, but listed once under the tool's own name.
 * The SDK offers no hook for this, so the registered handler is wrapped; if its internals
 * change, the list is simply served unwrapped, aliases included (the tools/list snapshot test
 * and the alias test in test/server/tools-list.test.ts would show it).
 * The list depends only on which tools are registered, so it is computed once per process and
 * tool set: converting ~60 zod schemas is most of a new HTTP session's CPU.
 */
export function compactToolList(server: McpServer, names: string[]): void {
  const key = names.join(',');
  const handlers = (server.server as unknown as { _requestHandlers?: Map<string, (req: unknown, extra: unknown) => Promise<unknown>> })._requestHandlers;
  const original = handlers?.get('tools/list');
  if (!handlers || !original) return;
  handlers.set('tools/list', async (req, extra) => {
    const cached = listCache.get(key);
    if (cached) return cached;
    const entries = precomputedEntries();
    if (entries && names.every((n) => entries[n])) {
      const list = { tools: names.map((n) => entries[n]!) };
      listCache.set(key, list);
      return list;
    }
    const all = (await original(req, extra)) as { tools: ToolEntry[] };
    // Aliases are registered so calls under them work; the list names each tool once.
    const result = { ...all, tools: all.tools.filter((t) => names.includes(t.name as string)) };
    for (const tool of result.tools) {
      delete tool.execution;
      if (tool.inputSchema) trimSchema(tool.inputSchema, false);
      if (tool.outputSchema) trimSchema(tool.outputSchema, true);
      const a = tool.annotations as Record<string, unknown> | undefined;
      if (a?.readOnlyHint === true) {
        delete a.destructiveHint;
        delete a.idempotentHint;
      }
    }
    listCache.set(key, result);
    return result;
  });
}

/** Trims one JSON Schema node and its subschemas (never the names inside `properties`). */
function trimSchema(node: unknown, output: boolean, root = true): void {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return;
  const o = node as Record<string, unknown>;
  // JSON object keys are strings anyway, and an empty `properties` says nothing (kept at the
  // root of an input schema, which some clients expect to find there).
  const names = o.propertyNames as Record<string, unknown> | undefined;
  if (names && Object.keys(names).length === 1 && names.type === 'string') delete o.propertyNames;
  const props = o.properties;
  if (props && typeof props === 'object' && Object.keys(props).length === 0 && !(root && !output)) delete o.properties;
  delete o.$schema;
  delete o.pattern;
  delete o.format;
  if (output && o.additionalProperties === false) delete o.additionalProperties;
  // zod spells "any value" as an empty schema `{}`; strict validators flag that as a schema with
  // no keyword at all, so say `true`, which means the same and says it on purpose.
  const extra = o.additionalProperties;
  if (extra && typeof extra === 'object' && Object.keys(extra).length === 0) o.additionalProperties = true;
  if (o.minimum === Number.MIN_SAFE_INTEGER) delete o.minimum;
  if (o.maximum === Number.MAX_SAFE_INTEGER) delete o.maximum;
  if (o.properties && typeof o.properties === 'object') for (const sub of Object.values(o.properties)) trimSchema(sub, output, false);
  for (const key of ['items', 'additionalProperties', 'propertyNames', 'not']) trimSchema(o[key], output, false);
  for (const key of ['anyOf', 'oneOf', 'allOf']) if (Array.isArray(o[key])) for (const sub of o[key]) trimSchema(sub, output, false);
}
