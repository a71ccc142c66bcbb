import { ProtocolError, ProtocolErrorCode, UriTemplate, type ReadResourceResult, type Resource, type Variables } from '@modelcontextprotocol/server';
import type { ServerDeps } from '../context.js';
import { HeyGenError } from '../heygen/errors.js';
import { describeError } from '../errors.js';
import { notFound } from '../not-found.js';

/** What a resource read gets besides its URI: the server's dependencies and cancellation. */
export interface ResourceCall {
  deps: ServerDeps;
  signal: AbortSignal;
}

/**
 * One resource or resource template, as data. The server binds a table of these per instance;
 * nothing here is built per request.
 */
export interface ResourceDef {
  name: string;
  /** A fixed URI, or a template (RFC 6570) whose variables the read receives. */
  uri: string | UriTemplate;
  title: string;
  description: string;
  mimeType: string;
  /**
   * How long a read stays valid for a client cache (2026-07-28 `ttlMs`): fixed documents for
   * the life of the process, catalogs for the catalog TTL, live job status not at all.
   */
  ttlMs(deps: ServerDeps): number;
  /** Templates only: the concrete resources to list (jobs this key started, doc topics…). */
  list?(deps: ServerDeps): Promise<Resource[]> | Resource[];
  /** Completion of template variables from what is already known; never starts a load. */
  complete?: Record<string, (value: string, deps: ServerDeps) => Promise<string[]> | string[]>;
  read(uri: URL, vars: Variables, call: ResourceCall): Promise<ReadResourceResult>;
}

export const JSON_TYPE = 'application/json';

export function defineResource(def: ResourceDef): ResourceDef {
  return def;
}

/** A template from its RFC 6570 text (built once, with the table). */
export function template(text: string): UriTemplate {
  return new UriTemplate(text);
}

/**
 * A query-string template whose parameters are all optional and may come in any order. A
 * strict RFC 6570 matcher requires every `{?a,b}` parameter, in order; the advertised template
 * stays RFC 6570 (`heygen://voices{?language,gender}`) so clients can expand it themselves.
 */
export class OptionalQueryTemplate extends UriTemplate {
  constructor(private readonly base: string, private readonly names: readonly string[]) {
    super(`${base}{?${names.join(',')}}`);
  }

  override match(uri: string): Variables | null {
    const q = uri.indexOf('?');
    if ((q < 0 ? uri : uri.slice(0, q)) !== this.base) return null;
    const out: Variables = {};
    for (const [k, v] of new URLSearchParams(q < 0 ? '' : uri.slice(q + 1))) {
      if (!this.names.includes(k)) return null;
      if (v !== '') out[k] = v;
    }
    return out;
  }
}

/** One template variable as a decoded string ('' when absent or badly escaped). */
export function variable(vars: Variables, name: string): string {
  const v = vars[name];
  const raw = String(Array.isArray(v) ? v[0] ?? '' : v ?? '');
  try {
    return decodeURIComponent(raw);
  } catch {
    return '';
  }
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

/**
 * The id in a resource URI, held to the same rule as the tools' id fields: ids with `..`,
 * slashes, control characters or query text never reach HeyGen.
 */
export function resourceId(vars: Variables, name: string): string {
  const id = variable(vars, name);
  if (!ID.test(id) || id.includes('..')) {
    throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Invalid ${name}: must be a HeyGen id (1–128 letters, digits and _ - . : starting with a letter or digit).`);
  }
  return id;
}

export function jsonContents(uri: URL, value: unknown): ReadResourceResult {
  return { contents: [{ uri: uri.href, mimeType: JSON_TYPE, text: JSON.stringify(value) }] };
}

/**
 * HeyGen failures become resource errors worded as a tool would word them: a missing job or
 * catalog entry is the resource missing (notFound), anything else an internal error.
 */
export function resourceError(uri: URL, err: unknown, idsFrom?: string): Error {
  if (err instanceof ProtocolError) return err;
  const text = describeError(err, { idsFrom });
  if (err instanceof HeyGenError && err.notFound) return notFound({ resource: uri.href }, text);
  return new ProtocolError(ProtocolErrorCode.InternalError, text);
}

/** Runs a JSON read, turning failures into resource errors. */
export async function guardedJson(uri: URL, idsFrom: string | undefined, fn: () => Promise<unknown>): Promise<ReadResourceResult> {
  try {
    return jsonContents(uri, await fn());
  } catch (err) {
    throw resourceError(uri, err, idsFrom);
  }
}
