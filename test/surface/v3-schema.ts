import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * HeyGen's v3 operations as the reference data in ../shared/heygen-api/v3 describes them (read
 * at test time, never copied into the project), and a checker for the subset of JSON Schema
 * those files use: type, properties, required, enum, items, nullable, oneOf / anyOf.
 */

type Schema = {
  type?: string; properties?: Record<string, Schema>; required?: string[]; enum?: unknown[]; items?: Schema;
  nullable?: boolean; oneOf?: Schema[]; anyOf?: Schema[];
};
export interface Operation { method: string; path: string; bodyEncoding: string | null; requestSchema: Schema | null; queryParams: { name: string; required: boolean }[]; regex: RegExp }

const dir = join(fileURLToPath(new URL('../../', import.meta.url)), '..', 'shared', 'heygen-api', 'v3');
export const specPresent = existsSync(dir);

export function loadOperations(): Operation[] {
  if (!specPresent) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'index.json').flatMap((f) =>
    (JSON.parse(readFileSync(join(dir, f), 'utf8')) as Omit<Operation, 'regex'>[]).map((op) => ({
      ...op, queryParams: op.queryParams ?? [], regex: new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    })));
}

/** The operation a recorded request belongs to; a literal segment wins over a parameter (e.g. /v3/videos/statuses). */
export function operationOf(ops: Operation[], method: string, path: string): Operation | undefined {
  return ops.filter((o) => o.method === method && o.regex.test(path)).sort((a, b) => literals(b.path) - literals(a.path))[0];
}
const literals = (p: string) => p.split('/').filter((s) => s && !s.startsWith('{')).length;

/** Problems of `value` against `schema`: wrong types, missing required fields, values outside an enum, fields the schema does not define. */
export function schemaProblems(schema: Schema, value: unknown, at = 'body'): string[] {
  if (value === null) return schema.nullable ? [] : [`${at}: null is not allowed`];
  const union = schema.oneOf ?? schema.anyOf;
  if (union) {
    const tries = union.map((s) => schemaProblems(s, value, at));
    return tries.some((t) => t.length === 0) ? [] : (tries.sort((a, b) => a.length - b.length)[0] ?? []);
  }
  const out: string[] = [];
  switch (schema.type) {
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return [`${at}: not an object`];
      const props = schema.properties ?? {};
      const free = Object.keys(props).length === 0;
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        const sub = props[k];
        if (!sub) { if (!free) out.push(`${at}.${k}: not a field of the v3 schema`); continue; }
        out.push(...schemaProblems(sub, v, `${at}.${k}`));
      }
      for (const r of schema.required ?? []) if ((value as Record<string, unknown>)[r] === undefined) out.push(`${at}.${r}: required`);
      return out;
    }
    case 'array':
      if (!Array.isArray(value)) return [`${at}: not an array`];
      return value.flatMap((v, i) => (schema.items ? schemaProblems(schema.items, v, `${at}.${i}`) : []));
    case 'string': if (typeof value !== 'string') return [`${at}: not a string`]; break;
    case 'boolean': if (typeof value !== 'boolean') return [`${at}: not a boolean`]; break;
    case 'integer': if (!Number.isInteger(value)) return [`${at}: not an integer`]; break;
    case 'number': if (typeof value !== 'number') return [`${at}: not a number`]; break;
  }
  if (schema.enum && !schema.enum.includes(value)) out.push(`${at}: ${JSON.stringify(value)} is not one of ${schema.enum.join(', ')}`);
  return out;
}
