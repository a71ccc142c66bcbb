import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validatePrompt } from '../../src/promptkit/validate.js';

/** The clean bike-share prompt with its FORMAT line (and nothing else) taken out. */
const prompt = readFileSync(new URL('../fixtures/prompts/missing-format.txt', import.meta.url), 'utf8');

describe('missing FORMAT (dedicated fixture)', () => {
  it('the fixture differs from the clean prompt only by the FORMAT line', () => {
    const clean = readFileSync(new URL('../fixtures/prompts/clean-bike-share.txt', import.meta.url), 'utf8');
    expect(prompt).not.toMatch(/^FORMAT:/m);
    expect(clean.split('\n').filter((l) => !l.startsWith('FORMAT:')).join('\n').trimStart()).toBe(prompt.trimStart());
  });

  it('is an error (S1) naming the FORMAT section, and the only missing section reported', () => {
    const r = validatePrompt(prompt);
    expect(r.ok).toBe(false);
    const s1 = r.errors.filter((e) => e.rule === 'S1');
    expect(s1).toHaveLength(1);
    expect(s1[0]!.message).toMatch(/missing FORMAT\./);
  });
});
