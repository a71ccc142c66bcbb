import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BREAKS, CLEAN } from '../fixtures/prompts/breaks.js';
import { GOOD } from '../fixtures/prompts/good.js';
import { connect, type Harness } from '../helpers/harness.js';

type Finding = { rule: string; message: string; scene?: number };
type Out = { ok: boolean; errors: Finding[]; warnings: Finding[] };

let h: Harness;
beforeAll(async () => { h = await connect(); });
afterAll(async () => { await h.close(); });

const validate = (prompt: string, args: Record<string, unknown> = {}) => h.ok<Out>('validate_video_agent_prompt', { prompt, ...args });
const rules = (fs: Finding[]) => fs.map((f) => f.rule);

describe('good prompts of our own, both modes', () => {
  it('cover at least 10 prompts, both modes, several languages and both orientations', () => {
    expect(GOOD.length).toBeGreaterThanOrEqual(10);
    expect(new Set(GOOD.map((g) => g.mode))).toEqual(new Set(['structured', 'natural']));
    expect(GOOD.filter((g) => g.mode === 'natural').length).toBeGreaterThanOrEqual(5);
    expect(new Set(GOOD.map((g) => g.args.orientation).filter(Boolean))).toEqual(new Set(['landscape', 'portrait']));
  });

  it.each(GOOD.map((g) => [g.file, g] as const))('%s: no errors, read in its mode', async (_file, g) => {
    const r = await h.call('validate_video_agent_prompt', { prompt: g.prompt, ...g.args });
    const out = r.structuredContent as Out;
    expect(out.errors).toEqual([]);
    expect(out.ok).toBe(true);
    expect((r.content as { text: string }[]).map((c) => c.text).join('\n')).toContain(`Checked as a ${g.mode} prompt`);
  });

  it('average at most 1.5 warnings', async () => {
    let total = 0;
    for (const g of GOOD) total += (await validate(g.prompt, g.args)).warnings.length;
    const average = total / GOOD.length;
    expect(average).toBeLessThanOrEqual(1.5);
  });
});

describe('one defect per rule, through the tool', () => {
  it.each(BREAKS.map((b) => [b.rule, b] as const))('%s is flagged with its id', async (rule, b) => {
    const o = b.options ?? {};
    const args = {
      ...(b.duration_seconds !== undefined ? { duration_seconds: b.duration_seconds } : {}),
      ...(o.durationSeconds !== undefined ? { duration_seconds: o.durationSeconds } : {}),
      ...(o.orientation ? { orientation: o.orientation } : {}),
      ...(o.avatarId ? { avatar_id: o.avatarId } : {}),
      ...(o.styleId ? { style_id: o.styleId } : {}),
      ...(o.mode ? { mode: o.mode } : {}),
    };
    const out = await validate(b.prompt, args);
    expect([...rules(out.errors), ...rules(out.warnings)], b.why).toContain(rule);
  });
});

describe('quieter checks', () => {
  const broll = (voiceover: string, seconds = 12) => CLEAN.replace(/SCENE 2 — FULL SCREEN B-ROLL \(12s\)\n\[NO AVATAR — motion graphic only\]\nVOICEOVER: "[^"]*"/, `SCENE 2 — FULL SCREEN B-ROLL (${seconds}s)\n[NO AVATAR — motion graphic only]\nVOICEOVER: "${voiceover}"`);
  const words = (n: number) => Array.from({ length: n }, (_, i) => (i % 9 === 8 ? 'riders.' : 'riders')).join(' ');

  it('H4 only fires for a real shortfall, and never together with H3 (one budget: 18–33 words for 12 s)', async () => {
    for (const [n, expected] of [[10, 'H4'], [18, undefined], [24, undefined], [33, undefined], [36, 'H3']] as const) {
      const out = await validate(broll(words(n)));
      const voice = out.warnings.filter((w) => w.scene === 2 && (w.rule === 'H3' || w.rule === 'H4')).map((w) => w.rule);
      expect(voice, `${n} words`).toEqual(expected ? [expected] : []);
    }
    const over = (await validate(broll(words(36)))).warnings.find((w) => w.rule === 'H3')!;
    expect(over.message).toContain('18–33 words');
  });

  it('I3 accepts inflections and everyday motion verbs', async () => {
    for (const verb of ['swaying gently', 'warming to amber', 'fading out', 'scales up', 'is spinning', 'flies across', 'glided in', 'ripples outward']) {
      const out = await validate(CLEAN.replace('Bottom ticker scrolls the busiest dock names.', `Bottom ticker ${verb} with the busiest dock names.`));
      expect(rules(out.warnings), verb).not.toContain('I3');
    }
    const still = await validate(CLEAN.replace('Bottom ticker scrolls the busiest dock names.', 'Warm amber ticker with the busiest dock names.'));
    expect(rules(still.warnings)).toContain('I3');
  });

  it('D2 counts seven props named in a list, known nouns or not', async () => {
    const avatar = 'AVATAR: Woman in a linen apron and rolled denim shirt, standing at a potting bench in a glasshouse. On the bench: a copper kettle, a jar of honey, three seed packets, a trowel, a watering can, two clay pots and a wicker basket of tomatoes. Cool morning daylight through the glass from the left, a warm heat lamp from the right. Earthy, patient, hopeful mood.';
    const out = await validate(CLEAN.replace(/AVATAR:[^]*?workshop mood\./, avatar));
    expect(rules(out.warnings)).not.toContain('D2');
  });

  it('X1 catches corner positions and x/y coordinates, not overlay splits or lower-thirds', async () => {
    const corner = await validate(CLEAN.replace('LAYER 4: Bottom ticker scrolls the busiest dock names.', 'LAYER 4: Logo in the top-left corner at x=120, ticker scrolls.'));
    expect(rules(corner.errors)).toContain('X1');
    const clean = await validate(CLEAN);
    expect(rules(clean.errors)).not.toContain('X1');
  });

  it('D6 catches generic wardrobe and sets written with synonyms', async () => {
    for (const phrase of ['in smart casual clothes', 'in professional attire', 'in a modern office', 'with good lighting']) {
      const out = await validate(CLEAN.replace('over a grey hoodie', phrase));
      expect(rules(out.warnings), phrase).toContain('D6');
    }
  });
});

describe('modes and the new inputs', () => {
  const natural = GOOD.find((g) => g.file.includes('natural-coffee'))!.prompt;

  it('reads a short prompt with no scenes as natural: no demand for sections', async () => {
    const out = await validate(natural, { duration_seconds: 45 });
    expect(rules(out.errors)).not.toContain('S1');
    expect(out.ok).toBe(true);
  });

  it('in structured mode the same prompt misses its sections, named in one S1 error', async () => {
    const out = await validate(natural, { mode: 'structured' });
    expect(rules(out.errors).filter((r) => r === 'S1')).toHaveLength(1);
  });

  it('with avatar_id, describing the presenter is flagged and "the selected presenter" is asked for', async () => {
    const described = natural.replace('The selected presenter talks', 'A woman in her thirties with curly red hair, wearing a denim shirt, talks');
    const out = await validate(described, { avatar_id: 'look_1', duration_seconds: 45 });
    const d7 = out.warnings.filter((w) => w.rule === 'D7').map((w) => w.message).join(' ');
    expect(d7).toMatch(/selected presenter/);
    expect(d7).toMatch(/hair|wearing|shirt/);
    const without = await validate(described, { duration_seconds: 45 });
    expect(rules(without.warnings)).not.toContain('D7');
  });

  it('S7 compares duration_seconds with the scene total', async () => {
    const out = await validate(CLEAN.replace('Civic annual report. 75 seconds.', 'Civic annual report.'), { duration_seconds: 120 });
    expect(out.warnings.find((w) => w.rule === 'S7')?.message).toMatch(/add up to 67 s but duration_seconds is 120/);
  });

  it('O1 flags a wide-framed AVATAR in a 9:16 video, and an orientation the prompt contradicts', async () => {
    const wide = CLEAN.replace('Civic annual report. 75 seconds.', 'Civic annual report, vertical 9:16. 75 seconds.').replace('standing in a bright depot', 'standing in a bright depot, seen in a wide shot');
    expect(rules((await validate(wide)).warnings)).toContain('O1');
    expect(rules((await validate(natural, { orientation: 'portrait' })).warnings)).toContain('O1');
  });

  it('C1 wants a reference in MUSIC', async () => {
    const out = await validate(CLEAN.replace(/MUSIC: [^\n]*/, 'MUSIC: Calm piano that builds slowly.'));
    expect(rules(out.warnings)).toContain('C1');
  });

  it('hints that labels stay in English when they are translated', async () => {
    const spanish = CLEAN.replace('FORMAT:', 'FORMATO:').replace('TONE:', 'TONO:').replace('MUSIC:', 'MÚSICA:').replace(/SCENE (\d)/g, 'ESCENA $1');
    const out = await validate(spanish);
    expect(rules(out.errors)).toContain('S1');
    expect(out.warnings.find((w) => w.rule === 'S8')?.message).toMatch(/Keep labels in English/);
  });

  it('style_id makes the STYLE block optional in structured mode', async () => {
    const noStyle = CLEAN.replace(/STYLE — SWISS PULSE[^]*?No dissolves\.\n/, '');
    expect(rules((await validate(noStyle)).errors)).toContain('S1');
    expect(rules((await validate(noStyle, { style_id: 'preset_1' })).errors)).not.toContain('S1');
  });

  it('natural mode judges the presenter sketch only for vague wording, and reads orientation from the opening lines', async () => {
    const vague = natural.replace('The selected presenter talks straight to camera', 'A presenter in business casual talks straight to camera');
    const out = await validate(vague, { duration_seconds: 45 });
    expect(rules(out.warnings)).toContain('D6');
    expect(rules(out.warnings)).not.toContain('D1');
    const topic = natural.replace('Every Friday we roast', 'Our vertical farm partner grows the herbs. Every Friday we roast');
    expect(rules((await validate(topic, { orientation: 'landscape', duration_seconds: 45 })).warnings)).not.toContain('O1');
  });

  it('refuses an unknown mode or orientation, naming the field', async () => {
    expect(await h.fails('validate_video_agent_prompt', { prompt: 'x', mode: 'freeform' })).toMatch(/mode/);
    expect(await h.fails('validate_video_agent_prompt', { prompt: 'x', orientation: 'square' })).toMatch(/orientation/);
  });
});

describe('scene-by-scene prompts in HeyGen\'s own template', () => {
  it('reads "VO/Script:" and "VO:" lines as the voiceover', async () => {
    const heygenStyle = CLEAN.replace(/VOICEOVER:/g, 'VO/Script:').replace('VO/Script: "One year ago', 'VO: "One year ago');
    const out = await validate(heygenStyle);
    expect(rules(out.errors)).not.toContain('H1');
    expect(out.ok).toBe(true);
  });
});
