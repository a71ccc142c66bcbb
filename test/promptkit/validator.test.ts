import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePrompt } from '../../src/promptkit/parser.js';
import { RULE_IDS } from '../../src/promptkit/rules.js';
import { validatePrompt } from '../../src/promptkit/validate.js';
import { BREAKS, CLEAN } from '../fixtures/prompts/breaks.js';
import { hasSeed, seedPrompts } from '../helpers/seed.js';

const dir = new URL('../fixtures/prompts/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, dir), 'utf8');
const rulesOf = (fs: { rule: string }[]) => [...new Set(fs.map((f) => f.rule))];

const seed = hasSeed ? seedPrompts() : { example: '', templates: {} as Record<string, string> };

describe.skipIf(!hasSeed)('the seed production example (read from ../shared; skipped when absent)', () => {
  const r = validatePrompt(seed.example);

  it('passes with no errors', () => {
    expect(r.errors).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it('reports the known soft spots as warnings: 69 s of scenes vs 90 s (S6), 7 scenes (J6), long closing VO (H3)', () => {
    expect(rulesOf(r.warnings)).toEqual(expect.arrayContaining(['S6', 'J6', 'H3', 'I3']));
    expect(r.warnings.filter((w) => w.rule === 'H3').map((w) => w.scene)).toEqual([6, 7]);
  });

  it('counts scenes, types, seconds and voiceover words', () => {
    expect(r.stats).toMatchObject({
      scenes: 7, total_seconds: 69, template: false, declared_seconds: 90, style: 'Swiss Pulse',
      scene_types: { 'A-ROLL': 4, 'FULL SCREEN B-ROLL': 3 },
    });
    expect(r.stats.voiceover_words).toBeGreaterThan(140);
    expect(r.stats.estimated_voiceover_seconds).toBeCloseTo((r.stats.voiceover_words / 150) * 60, 1);
  });
});

describe.skipIf(!hasSeed)('the seed templates', () => {
  const templates = Object.keys(seed.templates);

  it('finds all five', () => expect(templates).toHaveLength(5));

  it.each(templates)('%s is recognised as a template, not a prompt', (name) => {
    const r = validatePrompt(seed.templates[name]!);
    expect(r.ok).toBe(false);
    expect(r.stats.template).toBe(true);
    expect(r.errors[0]!.message).toMatch(/^This is a template: fill the placeholders/);
  });
});

describe('clean prompts', () => {
  it.each(['clean-bike-share.txt', 'clean-security-clip.txt'])('%s has no errors and no warnings', (name) => {
    const r = validatePrompt(fixture(name));
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.stats.template).toBe(false);
  });
});

describe('one broken rule per prompt', () => {
  it('covers every rule id the validator knows', () => {
    expect(BREAKS.map((b) => b.rule).sort()).toEqual([...RULE_IDS].sort());
  });

  it.each(BREAKS)('$rule: $why', ({ rule, prompt, duration_seconds, options }) => {
    const r = validatePrompt(prompt, { ...options, ...(duration_seconds !== undefined ? { durationSeconds: duration_seconds } : {}) });
    const all = [...r.errors, ...r.warnings];
    const hit = all.find((f) => f.rule === rule);
    expect(hit, `expected ${rule} in ${JSON.stringify(all)}`).toBeDefined();
    expect(hit!.message.length).toBeGreaterThan(30);
    expect(rulesOf(r.errors).filter((id) => id !== rule)).toEqual([]);
  });

  it('treats the seed\'s broken cases as errors: no voiceover, short B-roll, one B-roll, three in a row, missing section, layout', () => {
    for (const rule of ['H1', 'J3', 'G3', 'G2', 'S1', 'X1']) {
      const b = BREAKS.find((x) => x.rule === rule)!;
      expect(validatePrompt(b.prompt).errors.map((e) => e.rule), rule).toContain(rule);
    }
  });

  it('keeps a 6–9 s B-roll a warning and a ≤ 5 s B-roll an error (J3)', () => {
    const soft = validatePrompt(CLEAN.replace('FULL SCREEN B-ROLL (12s)', 'FULL SCREEN B-ROLL (8s)'));
    expect(soft.warnings.map((w) => w.rule)).toContain('J3');
    expect(soft.errors.map((w) => w.rule)).not.toContain('J3');
  });
});

describe('parser', () => {
  it('reads sections, scene types, seconds, directions, voiceover, layers and the transition', () => {
    const p = parsePrompt(CLEAN);
    expect(p.order).toEqual(['FORMAT', 'TONE', 'AVATAR', 'STYLE', 'CRITICAL ON-SCREEN TEXT', 'SCENES', 'MUSIC', 'NARRATION STYLE']);
    const s2 = p.scenes[1]!;
    expect(s2).toMatchObject({ number: 2, type: 'FULL SCREEN B-ROLL', seconds: 12, lastLine: 'Hard cut.' });
    expect(s2.directions).toEqual(['[NO AVATAR — motion graphic only]']);
    expect(s2.layers.map((l) => l.n)).toEqual([1, 2, 3, 4, 5]);
    expect(s2.voiceover).toMatch(/^Four hundred and ten thousand rides/);
    expect(p.scenes[2]!.type).toBe('A-ROLL + OVERLAY');
  });

  it.skipIf(!hasSeed)('treats the templates\' bare "B-ROLL" as FULL SCREEN B-ROLL', () => {
    const p = parsePrompt(seed.templates['tech-news-briefing']!);
    expect(p.scenes.map((s) => s.type)).toEqual(['A-ROLL', 'FULL SCREEN B-ROLL', 'A-ROLL + OVERLAY', 'FULL SCREEN B-ROLL', 'A-ROLL']);
    expect(p.scenes[1]!.abbreviated).toBe(true);
  });

  it('never throws on odd input', () => {
    for (const text of ['', '   ', 'SCENE', 'SCENE 1 —', 'VOICEOVER: "unclosed', '[[[', 'STYLE —', 'LAYER 1:'.repeat(50)]) {
      expect(() => validatePrompt(text)).not.toThrow();
    }
    // Read as structured, an empty prompt misses all eight parts, named in one S1 finding.
    const s1 = validatePrompt('', { mode: 'structured' }).errors.filter((e) => e.rule === 'S1');
    expect(s1).toHaveLength(1);
    for (const part of ['FORMAT', 'TONE', 'AVATAR', 'STYLE', 'CRITICAL ON-SCREEN TEXT', 'scene entries', 'MUSIC', 'NARRATION STYLE']) expect(s1[0]!.message).toContain(part);
  });
});
