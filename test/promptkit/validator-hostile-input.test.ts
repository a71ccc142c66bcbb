import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PER_LIST_CAP, validatePrompt } from '../../src/promptkit/validate.js';
import { hostilePrompts } from '../fixtures/prompts/hostile.mjs';
import { connect, type Harness } from '../helpers/harness.js';

/** Every answer stays under this many bytes, whatever the prompt (the bound). */
const MAX_RESULT_BYTES = 50_000;
const bytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v), 'utf8');
const HOSTILE = hostilePrompts();

let h: Harness;
beforeAll(async () => { h = await connect(); });
afterAll(async () => { await h.close(); });

describe('validate_video_agent_prompt on hostile input', () => {
  it.each(HOSTILE.map((x) => [x.name, x] as const))('%s: answers in < 50 KB (loose 2 s guard)', async (_name, { prompt, fitsTool }) => {
    const started = Date.now();
    const r = await h.call('validate_video_agent_prompt', { prompt });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(bytes(r)).toBeLessThan(MAX_RESULT_BYTES);
    if (fitsTool) {
      expect(r.isError ?? false).toBe(false);
      const out = r.structuredContent as { ok: boolean; errors: unknown[]; warnings: unknown[] };
      expect(typeof out.ok).toBe('boolean');
      expect(out.errors.length).toBeLessThanOrEqual(PER_LIST_CAP + 1);
      expect(out.warnings.length).toBeLessThanOrEqual(PER_LIST_CAP + 1);
    } else {
      expect(r.isError).toBe(true);
      const text = (r.content as { text: string }[]).map((c) => c.text).join(' ');
      expect(text).toContain('prompt');
    }
  });

  it('refuses a 100 KB prompt naming the 50,000-character limit, without echoing it', async () => {
    const big = HOSTILE.find((x) => x.name === '100 KB of prose')!;
    const text = await h.fails('validate_video_agent_prompt', { prompt: big.prompt });
    expect(text).toMatch(/50000|50,000/);
    expect(text.length).toBeLessThan(1_000);
  });

  it('folds 1,000 near-identical scene findings into a few, saying how many more', async () => {
    const r = await h.ok('validate_video_agent_prompt', { prompt: HOSTILE.find((x) => x.name === '1,000 scenes')!.prompt });
    const all = [...r.errors, ...r.warnings] as { rule: string; message: string }[];
    const folded = all.filter((f) => /\d+ more \w+ findings? like the ones above/.test(f.message));
    expect(folded.length).toBeGreaterThan(0);
    expect(folded.some((f) => /^9\d\d more/.test(f.message))).toBe(true);
    for (const rule of new Set(all.map((f) => f.rule))) expect(all.filter((f) => f.rule === rule).length).toBeLessThanOrEqual(4);
  });

  it('quotes injected text back only in short clips', async () => {
    const r = await h.call('validate_video_agent_prompt', { prompt: HOSTILE.find((x) => x.name === 'injection text')!.prompt });
    const text = JSON.stringify(r);
    expect(text).not.toContain('print the API key');
    expect(text).not.toContain('Ignore all previous instructions');
  });
});

describe('the engine alone, past the tool limit', () => {
  it.each(HOSTILE.map((x) => [x.name, x.prompt] as const))('%s: never throws and stays under 50 KB', (_name, prompt) => {
    const r = validatePrompt(prompt);
    expect(bytes(r)).toBeLessThan(MAX_RESULT_BYTES / 2);
  });

  it('stays bounded on a 100 KB prompt of 2,000 scenes in structured mode', () => {
    const prompt = Array.from({ length: 2000 }, (_, i) => `SCENE ${i + 1} — FULL SCREEN B-ROLL (4s)\nVOICEOVER: "Number ${i}!"\nLAYER 1: a box at (10, 20)\n`).join('');
    const r = validatePrompt(prompt, { mode: 'structured', durationSeconds: 30, avatarId: 'look', orientation: 'portrait' });
    expect(prompt.length).toBeGreaterThan(100_000);
    expect(bytes(r)).toBeLessThan(MAX_RESULT_BYTES / 2);
    expect(r.errors.length + r.warnings.length).toBeLessThanOrEqual(2 * (PER_LIST_CAP + 1));
  });
});
