/**
 * Matrix A (anchors-reliability §4): bad and hostile tool arguments. Driven by the schemas the
 * server itself publishes, so every tool that lands is covered without a new test.
 */
import type { Tool } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_TOOLS } from '../../src/tools/index.js';
import { startSimulator, type Simulator } from '../../src/sandbox/index.js';
import { connect, textOf, type Harness } from '../helpers/harness.js';
import { badValues, properties, requiredArgs } from './helpers.js';

const NAMES = ALL_TOOLS.map((t) => t.name);
/** Fields built on fields.ts mediaRef(): one string, an https URL or an asset id. */
const MEDIA = new Set(['video', 'audio', 'srt']);

let h: Harness;
let tools: Tool[];
beforeAll(async () => {
  h = await connect({ argv: ['--toolsets', 'all'] });
  tools = (await h.client.listTools()).tools;
});
afterAll(async () => {
  await h.close();
});

describe('A15–A20, A24: every property of every tool, out of its bounds', () => {
  it.each(NAMES)('%s: over-long, empty, out-of-range, wrong-type, unknown-enum, path-injecting and non-https values → isError naming the field, 0 upstream requests', async (name) => {
    const tool = tools.find((t) => t.name === name)!;
    const base = requiredArgs(tool.inputSchema);
    const misses: string[] = [];
    for (const [prop, schema] of properties(tool)) {
      for (const bad of badValues(schema)) {
        h.sim.clearRequests();
        const r = await h.call(name, { ...base, [prop]: bad.value });
        const text = textOf(r);
        const upstream = h.sim.apiRequests().length;
        if (!r.isError || !text.includes(prop) || upstream !== 0) misses.push(`${prop} = ${bad.label}: isError=${r.isError ?? false}, upstream=${upstream}, text=${text.slice(0, 120)}`);
        else expect(text).not.toMatch(/\n\s+at |<html/i);
      }
    }
    expect(misses).toEqual([]);
  });

  it('every free-text string input is bounded by maxLength (10 MB prompts are refused by schema, not by memory)', async () => {
    // An anchored pattern without open-ended repetition (e.g. ^#[0-9a-f]{6}$) bounds length too.
    const boundedPattern = (p?: string) => p !== undefined && p.startsWith('^') && p.endsWith('$') && !/[*+]|\{\d+,\}/.test(p);
    const unadvertised = tools.flatMap((t) => properties(t).filter(([, s]) => s.type === 'string' && !s.enum && s.maxLength === undefined && !boundedPattern(s.pattern)).map(([p]) => [t, p] as const));
    // Ids (fields.ts heygenId, 128 characters), https URLs (httpsUrl, 2,048) and media refs
    // (mediaRef: either of the two) keep their bound server-side only, to keep tools/list short:
    // they pass when a value one character over is refused naming the field, before any request.
    const unbounded: string[] = [];
    for (const [t, p] of unadvertised) {
      const isId = p === 'id' || p.endsWith('_id');
      const isUrl = p === 'url' || p.endsWith('_url') || MEDIA.has(p);
      if (!isId && !isUrl) { unbounded.push(`${t.name}.${p}`); continue; }
      const over = isId ? 'a'.repeat(129) : `https://example.com/${'a'.repeat(2049 - 20)}`;
      h.sim.clearRequests();
      const r = await h.call(t.name, { ...requiredArgs(t.inputSchema), [p]: over });
      if (!r.isError || !textOf(r).includes(p) || h.sim.apiRequests().length !== 0) unbounded.push(`${t.name}.${p} (a value one over the bound was not refused)`);
    }
    expect(unbounded).toEqual([]);
  });

  it('a 10 MB prompt → isError naming prompt and its limit, answered in < 2 s', async () => {
    const started = Date.now();
    const text = await h.fails('validate_video_agent_prompt', { prompt: 'x'.repeat(10 * 1024 * 1024) });
    expect(text).toContain('prompt');
    expect(text).toMatch(/50000|50,000|too big|at most/i);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('A20: ids never add path structure to the upstream URL', () => {
  const idTools = ALL_TOOLS.filter((t) => Object.keys(t.input()).some((k) => k.endsWith('_id')));
  const HOSTILE = ['..', '.', '../users/me', '..%2f..', 'a?x=1', 'a#b', 'a\r\nx-api-key: stolen', 'a/../../users/me'];

  // WHATWG URL parsing treats "..", ".%2e" and "%2e%2e" as dot segments, so percent-encoding
  // alone cannot neutralise them: seg() and the shared id field refuse them before any request.
  it('dot-only ids ("." / "..") → refused before any request: no upstream path is shortened by dot segments', async () => {
    const escaped: string[] = [];
    for (const def of idTools) {
      const tool = tools.find((t) => t.name === def.name)!;
      for (const prop of Object.keys(def.input()).filter((k) => k.endsWith('_id'))) {
        for (const id of ['.', '..']) {
          h.sim.clearRequests();
          await h.call(def.name, { ...requiredArgs(tool.inputSchema), [prop]: id });
          // An id that travels in a body or query string is inert; one in the path must not be
          // resolved away (a shortened path ends in "/" or stops at /v3).
          for (const r of h.sim.apiRequests()) if (r.path.endsWith('/') || r.path === '/v3') escaped.push(`${def.name}.${prop}=${id} → ${r.method} ${r.path}`);
        }
      }
    }
    expect(escaped).toEqual([]);
  });

  it('ids with "/", "?", "#", CR/LF or "%2f" → no upstream request path or query changes shape (no /users/me, no injected query key, no header split)', async () => {
    const bad: string[] = [];
    for (const def of idTools) {
      const tool = tools.find((t) => t.name === def.name)!;
      for (const prop of Object.keys(def.input()).filter((k) => k.endsWith('_id'))) {
        for (const id of HOSTILE.filter((v) => v !== '.' && v !== '..')) {
          h.sim.clearRequests();
          await h.call(def.name, { ...requiredArgs(tool.inputSchema), [prop]: id });
          for (const r of h.sim.apiRequests()) {
            if (r.path.includes('/users/me') || 'x' in r.query || r.headers['x-api-key'] === 'stolen' || /[?#\r\n]/.test(decodeURIComponent(r.path).replace(/[?#\r\n]/g, (c) => (id.includes(c) ? '' : c)))) bad.push(`${def.name}.${prop}=${JSON.stringify(id)} → ${r.method} ${r.path}`);
          }
        }
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('A21–A23: text fidelity, null bytes, prototype pollution', () => {
  const TRICKY = 'Hello \u202Eevil\u202C zero\u200Bwidth \u{1F469}\u200D\u{1F4BB} Cafe\u0301 / Caf\u00E9 — "quotes" \\ back\nline';

  it('RTL override, zero-width, ZWJ emoji and NFD text in title → dry run shows it byte-identical in the JSON body, 0 upstream POSTs', async () => {
    h.sim.clearRequests();
    const r = await h.ok('create_video_translation', { video: 'https://example.com/v.mp4', output_languages: ['Spanish'], title: TRICKY, dry_run: true });
    expect((r.request as { body: { title: string } }).body.title).toBe(TRICKY);
    expect(h.sim.apiRequests().filter((q) => q.method === 'POST')).toHaveLength(0);
  });

  it('a lone surrogate in title → refused or passed through as the same code unit, never a crash', async () => {
    const r = await h.call('create_video_translation', { video: 'https://example.com/v.mp4', output_languages: ['Spanish'], title: 'bad \uD800 half', dry_run: true });
    if (!r.isError) expect((r.structuredContent as { request: { body: { title: string } } }).request.body.title).toBe('bad \uD800 half');
    else expect(textOf(r)).toContain('title');
  });

  it('a null byte in free text (title) → isError naming title and the rule, 0 upstream requests', async () => {
    h.sim.clearRequests();
    const text = await h.fails('create_video_translation', { video: 'https://example.com/v.mp4', output_languages: ['Spanish'], title: 'a\u0000b' });
    expect(text).toMatch(/title/);
    expect(text).toMatch(/null byte/);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });

  it('__proto__ and constructor.prototype in arguments (as JSON.parse makes them) → stripped or refused for every tool, Object.prototype untouched, never sent upstream', async () => {
    const leaked: string[] = [];
    for (const tool of tools) {
      h.sim.clearRequests();
      const args = { ...requiredArgs(tool.inputSchema), ...JSON.parse('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"extra_unknown":"zzz"}') };
      await h.call(tool.name, args);
      for (const r of h.sim.apiRequests()) if (/polluted|extra_unknown/.test(r.rawBody.toString('utf8') + JSON.stringify(r.query))) leaked.push(`${tool.name} → ${r.method} ${r.path}`);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(leaked).toEqual([]);
  });
});

describe('A24–A27: malformed calls, modes and ownership', () => {
  // The SDK parses tools/call params with its own schema first: a non-object `arguments` fails
  // there as a protocol error. Deep nesting is refused before zod walks it, naming the argument.
  it('arguments null, an array or a string → JSON-RPC error -32602/-32603 without a stack; 10,000-deep nesting → isError naming the argument; the server still answers', async () => {
    // The v2 client's HTTP transport cannot itself serialize 10,000 levels (its JSON.stringify
    // overflows first), so the 2026 run sends 1,000; either is far past the server's limit of 32.
    let deep: unknown = 'x';
    for (let i = 0; i < (h.era === 'modern' ? 1_000 : 10_000); i++) deep = { d: deep };
    const outcomes: string[] = [];
    for (const args of [null, [1, 2], 'str', { prompt: deep }]) {
      outcomes.push(await h.client.request({ method: 'tools/call', params: { name: 'validate_video_agent_prompt', arguments: args as never } })
        .then((r) => (r.isError ? `isError ${textOf(r)}` : 'ok'), (e: { code?: number; message?: string }) => (/\n\s+at /.test(e.message ?? '') ? 'stack leaked' : `rpc ${e.code}`)));
    }
    expect(outcomes.slice(0, 3)).toEqual(outcomes.slice(0, 3).map(() => expect.stringMatching(/^rpc -3260[23]$/)));
    expect(outcomes[3]).toMatch(/^isError Invalid prompt: nested more than 32 levels deep/);
    expect((await h.call('get_account')).isError ?? false).toBe(false);
  });

  it('--read-only: credit-spending tools are not listed and a direct call → unknown-tool error (-32602) naming read-only mode, 0 upstream requests', async () => {
    const ro = await connect({ argv: ['--toolsets', 'all', '--read-only'] });
    try {
      const listed = (await ro.client.listTools()).tools.map((t) => t.name);
      for (const def of ALL_TOOLS.filter((t) => t.spendsCredits)) expect(listed).not.toContain(def.name);
      ro.sim.clearRequests();
      const err = await ro.call('create_video_translation', { video: 'https://example.com/v.mp4', output_languages: ['Spanish'] }).then(() => undefined, (e: { code?: number; message?: string }) => e);
      expect(err?.code).toBe(-32602);
      expect(err?.message).toMatch(/Tool not found: .*read-only/);
      expect(ro.sim.apiRequests()).toHaveLength(0);
    } finally {
      await ro.close();
    }
  });

  it("another key's job id → not found naming no detail of the owner's job (title absent)", async () => {
    const sim: Simulator = await startSimulator({ apiKeys: ['sk_owner_A_0001', 'sk_other_B_0002'], speed: 60 });
    const a = await connect({ simulator: sim, apiKey: 'sk_owner_A_0001' });
    const b = await connect({ simulator: sim, apiKey: 'sk_other_B_0002' });
    try {
      const created = await a.ok<{ translations: { video_translation_id: string }[] }>('create_video_translation', { video: 'https://example.com/v.mp4', output_languages: ['Spanish'], title: 'Secret board meeting' });
      const id = created.translations[0]!.video_translation_id;
      expect((await a.call('get_video_translation', { video_translation_id: id })).isError ?? false).toBe(false);
      const text = await b.fails('get_video_translation', { video_translation_id: id });
      expect(text).toMatch(/not found/i);
      expect(text).not.toContain('Secret board meeting');
    } finally {
      await a.close();
      await b.close();
      await sim.close();
    }
  });
});
