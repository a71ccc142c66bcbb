import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Tool } from '@modelcontextprotocol/server';
import { annotationsFor, checkToolDef, schemasOf, type AnyToolDef } from './define.js';

type ToolEntry = Tool;
let precomputed: Record<string, ToolEntry> | null | undefined;

/**
 * The build (scripts/postbuild.mjs) writes every tool's finished tools/list entry next to this
 * module (dist/tools/tools-list.json), so a fresh process answers tools/list without converting ~60 zod
 * schemas (most of a cold start). Running from sources there is no such file and the entries
 * are computed; a test checks both give the same list.
 */
function precomputedEntries(): Record<string, ToolEntry> | null {
  if (precomputed === undefined) {
    try {
      // Beside this module (dist/tools/), or beside the bundle (dist/bin/) that inlined it.
      const file = [new URL('./tools-list.json', import.meta.url), new URL('../tools/tools-list.json', import.meta.url)].find((u) => existsSync(u));
      precomputed = file ? (JSON.parse(readFileSync(file, 'utf8')) as { tools: Record<string, ToolEntry> }).tools : null;
    } catch {
      precomputed = null;
    }
  }
  return precomputed;
}

const entries = new WeakMap<AnyToolDef, ToolEntry>();

/** One tool's tools/list entry: precomputed by the build, else converted once per process. */
export function toolEntry(def: AnyToolDef): ToolEntry {
  let e = entries.get(def);
  if (!e) {
    checkToolDef(def);
    e = precomputedEntries()?.[def.name] ?? computeToolEntry(def);
    entries.set(def, e);
  }
  return e;
}

/**
 * tools/list is read into every conversation, so every character costs the agent context.
 * What the list advertises is trimmed to what a model uses to call a tool well; nothing it
 * drops is lost, because arguments are validated by the full zod schemas on the server:
 * - the `$schema` URL on every schema;
 * - regex `pattern`s and `format`s: ids and URLs are checked server-side, and a failed check
 *   names the field and the rule;
 * - `additionalProperties: false` on output schemas (results are stripped to the schema) and
 *   the ±2^53 bounds zod puts on every integer;
 * - `additionalProperties: {}` is said as `true` (same meaning, explicit for strict validators);
 * - `propertyNames: {type: 'string'}` and empty nested `properties` (they say nothing);
 * - on read-only tools, the destructive and idempotent hints, which the spec defines only for
 *   tools that change something.
 */
export function computeToolEntry(def: AnyToolDef): ToolEntry {
  const { input, output } = schemasOf(def);
  const inputSchema = z.toJSONSchema(input, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  const outputSchema = z.toJSONSchema(output, { io: 'output', target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  trimSchema(inputSchema, false);
  trimSchema(outputSchema, true);
  const annotations: Record<string, unknown> = { ...annotationsFor(def) };
  if (annotations.readOnlyHint === true) {
    delete annotations.destructiveHint;
    delete annotations.idempotentHint;
  }
  return {
    name: def.name,
    title: def.title,
    description: def.description,
    inputSchema: inputSchema as ToolEntry['inputSchema'],
    outputSchema: outputSchema as ToolEntry['outputSchema'],
    annotations,
    ...(def.view ? { _meta: viewMeta(def.view) } : {}),
  };
}

/**
 * Links a tool to its MCP Apps view the way the Apps SDK's registerAppTool does: `ui.resourceUri`,
 * plus the older flat `ui/resourceUri` key that hosts built on the first Apps drafts still read.
 */
function viewMeta(uri: string): Record<string, unknown> {
  return { ui: { resourceUri: uri }, 'ui/resourceUri': uri };
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
