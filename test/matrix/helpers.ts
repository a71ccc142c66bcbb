import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { Tool } from '@modelcontextprotocol/client';
import { HeyGenClient } from '../../src/heygen/client.js';
import { DEFAULT_ERA, type Era } from '../helpers/harness.js';
import type { Harness } from '../helpers/harness.js';

export const BIN = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
export const WARN_PRELOAD = fileURLToPath(new URL('../fixtures/warn-preload.cjs', import.meta.url));

/** JSON Schema as tools/list hands it out (only the members these tests read). */
export interface Schema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  default?: unknown;
}

/** A value that satisfies a property's own schema (cross-field rules aside). */
export function sample(s: Schema): unknown {
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  if (s.anyOf?.[0]) return sample(s.anyOf[0]);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string': {
      if (s.format === 'uri') return 'https://example.com/media/a.mp4';
      if (s.format === 'email') return 'a@example.com';
      const base = 'abc123';
      return base.padEnd(s.minLength ?? 0, 'x');
    }
    case 'integer':
    case 'number':
      return s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return false;
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sample(s.items ?? { type: 'string' }));
    case 'object':
      return requiredArgs(s);
    default:
      return 'abc123';
  }
}

/** The required properties of an input schema, each filled with a schema-valid sample. */
export function requiredArgs(input: unknown): Record<string, unknown> {
  const s = input as Schema;
  const out: Record<string, unknown> = {};
  for (const name of s.required ?? []) out[name] = sample(s.properties?.[name] ?? {});
  return out;
}

export interface BadValue { label: string; value: unknown }

/** Values that break one property's own bounds: the cases of matrix A15–A20. */
export function badValues(s: Schema): BadValue[] {
  const out: BadValue[] = [];
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (s.enum) out.push({ label: 'unknown enum', value: 'cubist' });
  if (type === 'string' && !s.enum) {
    if (s.maxLength !== undefined) out.push({ label: `${s.maxLength + 1} chars`, value: 'a'.repeat(s.maxLength + 1) });
    if ((s.minLength ?? 0) >= 1) out.push({ label: 'empty string', value: '' });
    if (s.pattern) {
      const re = new RegExp(s.pattern, 'u');
      for (const v of ['../etc/passwd', 'a?x=1', 'a#frag', 'a\nb', 'a/b', 'a%2Fb', 'a\u0000b']) if (!re.test(v)) out.push({ label: `id ${JSON.stringify(v)}`, value: v });
    }
    if (s.format === 'uri') {
      for (const v of ['file:///etc/passwd', 'javascript:alert(1)', 'data:text/plain,hi', 'ftp://example.com/a', 'http://example.com/a.mp4']) out.push({ label: v.slice(0, 20), value: v });
    }
    out.push({ label: 'number instead of string', value: 1280 });
  }
  if (type === 'integer' || type === 'number') {
    if (s.minimum !== undefined) out.push({ label: `below ${s.minimum}`, value: s.minimum - 1 });
    if (s.exclusiveMinimum !== undefined) out.push({ label: `at exclusive ${s.exclusiveMinimum}`, value: s.exclusiveMinimum });
    if (s.maximum !== undefined) out.push({ label: `above ${s.maximum}`, value: s.maximum + 1 });
    if (type === 'integer') out.push({ label: '1.5 for an integer', value: 1.5 });
    out.push({ label: 'numeric string', value: '1280' });
    out.push({ label: 'Infinity-like 1e309 (null on the wire)', value: null });
  }
  if (type === 'boolean') out.push({ label: 'string "yes"', value: 'yes' });
  if (type === 'array') {
    out.push({ label: 'object instead of array', value: { a: 1 } });
    if (s.minItems) out.push({ label: 'empty array', value: [] });
  }
  return out;
}

/** Every property of every tool, with the tool's own schema. */
export function properties(tool: Tool): [string, Schema][] {
  return Object.entries((tool.inputSchema as Schema).properties ?? {});
}

/** Swaps the harness client for one whose retry sleeps are recorded (and still instant). */
export function recordSleeps(h: Harness, apiKey = h.sim.apiKey): number[] {
  const sleeps: number[] = [];
  h.deps.heygen = new HeyGenClient({ apiKey, baseUrl: h.sim.baseUrl, maxRetries: h.deps.config.maxRetries, sleep: async (ms) => { sleeps.push(ms); } });
  return sleeps;
}

/** A spawned bin spoken to with raw newline-delimited JSON-RPC, every stdout byte kept. */
export interface RawChild {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  send(msg: unknown): void;
  request(method: string, params?: unknown, timeoutMs?: number): Promise<any>;
  initialize(): Promise<any>;
  exit(withinMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
}

/** The 2026-07-28 per-request envelope a modern client puts in every request's `_meta`. */
const ENVELOPE = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientInfo': { name: 'matrix', version: '0' },
  'io.modelcontextprotocol/clientCapabilities': {},
};

/** `era` modern: every request carries the envelope and the opening is server/discover; legacy: initialize. */
export function spawnRaw(args: string[], env: Record<string, string>, era: Era = DEFAULT_ERA): RawChild {
  const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let nextId = 1;
  const waiters = new Map<number, (msg: any) => void>();
  let pending = '';
  child.stdout!.on('data', (d: Buffer) => {
    const s = d.toString('utf8');
    out += s;
    pending += s;
    let nl: number;
    while ((nl = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      try {
        const msg = JSON.parse(line) as { id?: number };
        if (typeof msg.id === 'number') waiters.get(msg.id)?.(msg);
      } catch { /* judged by the stdout purity assertions */ }
    }
  });
  child.stderr!.on('data', (d: Buffer) => { err += d.toString('utf8'); });
  child.stdin!.on('error', () => undefined);
  const raw: RawChild = {
    child,
    stdout: () => out,
    stderr: () => err,
    send: (msg) => { child.stdin!.write(JSON.stringify(msg) + '\n'); },
    request(method, params, timeoutMs = 10_000) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no answer to ${method} within ${timeoutMs} ms; stderr: ${err.slice(-500)}`)), timeoutMs);
        waiters.set(id, (m) => { clearTimeout(t); waiters.delete(id); resolve(m); });
        const withMeta = era === 'modern' ? { ...(params as object | undefined), _meta: { ...(params as { _meta?: object } | undefined)?._meta, ...ENVELOPE } } : params;
        raw.send({ jsonrpc: '2.0', id, method, ...(withMeta !== undefined ? { params: withMeta } : {}) });
      });
    },
    async initialize() {
      if (era === 'modern') return raw.request('server/discover', {});
      const r = await raw.request('initialize', { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'matrix', version: '0' } });
      raw.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
      return r;
    },
    async exit(withinMs) {
      const started = Date.now();
      if (child.exitCode !== null || child.signalCode !== null) return { code: child.exitCode, signal: child.signalCode, ms: 0 };
      const timer = setTimeout(() => child.kill('SIGKILL'), withinMs);
      const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
      clearTimeout(timer);
      return { code, signal, ms: Date.now() - started };
    },
  };
  return raw;
}

/** Every non-empty stdout line must be one JSON-RPC 2.0 message. Returns the offending lines. */
export function impureLines(stdout: string): string[] {
  return stdout.split('\n').filter((l) => l.trim() !== '').filter((l) => {
    try {
      return (JSON.parse(l) as { jsonrpc?: string }).jsonrpc !== '2.0';
    } catch {
      return true;
    }
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
