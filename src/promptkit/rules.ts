/**
 * The checkable rules of the Video Agent prompt method. Ids are those of the method's rule list
 * (S1, G2, H1, J3, …). Each finding says what to change, not only what is wrong.
 */
import { GENERIC, LAYOUT, MOTION, presenterSentences, propsIn } from './lexicon.js';
import { CRAFT_RULE_IDS, CRAFT_RULES } from './rules-craft.js';
import { clip, SECTION_ORDER, sectionOf, wordsOf, type ParsedPrompt, type Scene } from './parser.js';
import type { Check, Report, RuleContext } from './rule.js';

const WPS = 2.5; // 150 words per minute
const TRANSITION = /\b(cut|wipe|dissolve|flash|fade|iris|morph|whip|transition|bounce|montage|freeze)/i;
const COLOUR = /#[0-9a-f]{3,8}\b|\b(black|white|blue|red|green|amber|gold|orange|yellow|pink|teal|cyan|purple|violet|grey|gray|cream|navy|burgundy|sepia|ochre|terracotta|brown|silver|colou?rs?|palette)\b/i;
const TYPE = /\b(helvetica|sans|serif|mono\w*|type|typography|fonts?|bold|caps|italic|letter\w*|condensed|headlines?|\d+pt)\b/i;

/** Voiceover words a scene of this length holds: at least 60% of it spoken, at most 110%. */
export function wordBudget(seconds: number): [number, number] {
  return [Math.ceil(seconds * WPS * 0.6), Math.floor(seconds * WPS * 1.1)];
}

function describeSeconds(n: number): string {
  return Number.isInteger(n) ? `${n} s` : `${n.toFixed(1)} s`;
}

const isBroll = (s: Scene) => s.type === 'FULL SCREEN B-ROLL';
const isOverlay = (s: Scene) => s.type === 'A-ROLL + OVERLAY';
const isAroll = (s: Scene) => s.type === 'A-ROLL';

/** B: structure. */
const structure: Check = ({ p, format, requested, totalSeconds, mode, styleId }, report) => {
  if (mode === 'structured') sectionsAndOrder(p, styleId, report);
  durations({ p, format, requested, totalSeconds, mode }, report);
};

function sectionsAndOrder(p: ParsedPrompt, styleId: string | undefined, report: Report): void {
  // With a style_id the preset carries the look, so a STYLE block is optional.
  const missing = SECTION_ORDER.filter((name) => !p.order.includes(name) && !(name === 'STYLE' && styleId));
  if (missing.length) {
    const what = missing.map((n) => (n === 'SCENES' ? 'scene entries ("SCENE 1 — A-ROLL (8s)")' : n)).join(', ');
    report('error', 'S1', `The prompt is missing ${what}. A structured prompt has FORMAT, TONE, AVATAR, STYLE, CRITICAL ON-SCREEN TEXT, the scenes, MUSIC and NARRATION STYLE; for 60 s or less a natural prompt (mode "natural") needs none of them.`);
  }
  const ranked = p.order.filter((n) => n !== 'MUSIC').map((n) => SECTION_ORDER.indexOf(n));
  const bad = ranked.findIndex((r, i) => i > 0 && r < ranked[i - 1]!);
  if (bad > 0) {
    report('warning', 'S2', `Sections are out of order (found ${p.order.join(' → ')}). Reorder them as FORMAT → TONE → AVATAR → STYLE → CRITICAL ON-SCREEN TEXT → scenes → MUSIC → NARRATION STYLE (MUSIC may also sit before the scenes).`);
  }
  if (p.scenes.length > 0 && p.sections.length >= 3 && !/^\s*-{3,}\s*$/m.test(p.raw)) {
    report('warning', 'S5', 'Separate the header block, the scenes and NARRATION STYLE with "---" lines so the agent sees where each part starts.');
  }
}

function durations({ p, format, requested, totalSeconds, mode }: Pick<RuleContext, 'p' | 'format' | 'requested' | 'totalSeconds' | 'mode'>, report: Report): void {
  const fmt = sectionOf(p, 'FORMAT');
  if (fmt && !format && mode === 'structured') report('warning', 'S3', 'FORMAT gives no length. State the target length in seconds (e.g. "75 seconds") along with the kind of video and its energy.');
  const tone = sectionOf(p, 'TONE');
  if (tone && wordsOf(tone.body).length < 3) report('warning', 'S4', 'TONE is too thin to steer delivery. Name the emotional register, optionally with references ("Bloomberg meets Vice").');
  if (mode === 'structured' && format && p.scenes.length > 0 && totalSeconds > 0) {
    const lo = format.min * 0.85;
    const hi = format.max * 1.15;
    if (totalSeconds < lo || totalSeconds > hi) {
      report('warning', 'S6', `FORMAT says ${format.min === format.max ? format.min : `${format.min}–${format.max}`} seconds but the scenes add up to ${totalSeconds} s. Adjust scene durations or the FORMAT length so they agree within 15%.`);
    }
  }
  if (requested !== undefined) {
    const where = mode === 'structured' ? 'FORMAT' : 'the prompt';
    if (requested < 5 || requested > 300) report('warning', 'S7', `duration_seconds ${requested} is outside what Video Agent accepts (5–300). Pick a length in that range.`);
    else if (format && (requested < format.min * 0.85 || requested > format.max * 1.15)) {
      report('warning', 'S7', `duration_seconds ${requested} disagrees with the ${format.min === format.max ? format.min : `${format.min}–${format.max}`} seconds stated in ${where}. Make the two match.`);
    } else if (mode === 'structured' && !format && totalSeconds > 0 && Math.abs(totalSeconds - requested) > requested * 0.15) {
      // With a FORMAT length that agrees with duration_seconds, S6 already compares the scenes.
      report('warning', 'S7', `The scenes add up to ${totalSeconds} s but duration_seconds is ${requested}. Change scene lengths (or add or drop a scene) so they land within 15% of it.`);
    }
  }
}

/** D: avatar. */
const avatar: Check = ({ p, avatarId, mode }, report) => {
  // With an avatar_id the look is fixed: wardrobe length, props and wording are D7's business.
  if (avatarId) return;
  const a = sectionOf(p, 'AVATAR');
  if (mode === 'natural') {
    // A natural prompt sketches the presenter in a sentence or two: only vagueness is worth a word.
    const text = a?.body ?? presenterSentences(p.raw);
    const generic = GENERIC.exec(text);
    if (generic) report('warning', 'D6', `The presenter is described with the generic phrase "${clip(generic[0])}". Name the fabric and colour, the setting and the light instead.`);
    return;
  }
  if (!a) return;
  const n = wordsOf(a.body).length;
  if (n < 60 || n > 100) {
    report('warning', 'D1', `AVATAR is ${n} words; aim for 60–100. ${n < 60 ? 'Describe clothing (fabric, colour, fit), the set and its props, what the screens show, and the light.' : 'Cut it down to the details that matter on camera.'}`);
  }
  const props = propsIn(a.body);
  if (props.length < 3) report('warning', 'D2', `AVATAR names ${props.length} set prop(s)${props.length ? ` (${props.map((x) => clip(x, 20)).join(', ')})` : ''}. Put at least 3 topic-specific props in the set (logos, what the monitors show, objects on the desk).`);
  const generic = GENERIC.exec(a.body);
  if (generic) report('warning', 'D6', `AVATAR uses the generic phrase "${clip(generic[0])}". Replace it with specifics: fabrics and colours, what is on the screens, light direction and colour temperature.`);
};

/** E: style. */
const style: Check = ({ p, style: known, mode }, report) => {
  const s = sectionOf(p, 'STYLE');
  if (!s) return;
  if (mode === 'structured' && !/^STYLE\s*[—–-]+\s*[^():\n]+\([^)]+\)\s*:/i.test(s.header)) {
    report('warning', 'E1', 'Name the style and its designer reference in the label, e.g. "STYLE — SWISS PULSE (Müller-Brockmann): …".');
  }
  // A natural prompt's style block may leave transitions to the agent.
  const missing = [!COLOUR.test(s.body) && 'colours (hex where you can)', !TYPE.test(s.body) && 'typography', mode === 'structured' && !TRANSITION.test(s.body) && 'transitions']
    .filter((x): x is string => typeof x === 'string');
  if (missing.length) report('warning', 'E2', `STYLE lacks concrete rules for ${missing.join(', ')}. Spell them out: a designer name alone means nothing to the agent.`);
  if (/^\s*LAYER\s*\d|\b(example|sample)\s+(scenes?|b-?roll)\b/im.test(s.body)) {
    report('warning', 'E3', 'STYLE contains sample scenes or LAYER lines. Keep only the style\'s rules there (palette, type, motion, transitions); sample scenes mislead the agent.');
  }
  if (known) {
    for (const sc of p.scenes) {
      const clash = known.clashes.find((w) => sc.lastLine.toLowerCase().includes(w));
      if (clash && TRANSITION.test(sc.lastLine)) {
        report('warning', 'E5', `Scene ${sc.number} ends with "${clip(sc.lastLine)}", which clashes with ${known.name} (${known.transitions}). Use a transition that fits the style.`, sc.number);
      }
    }
  }
};

/** F: critical on-screen text. */
function criticalStrings(body: string): string[] {
  const out: string[] = [];
  for (const line of body.split('\n')) {
    const l = line.trim();
    if (!/^[-*•]\s+/.test(l)) continue;
    const quoted = [...l.matchAll(/["“]([^"”]+)["”]/g)].map((m) => m[1]!.trim());
    out.push(...(quoted.length ? quoted.slice(0, quoted.length > 1 && /^quote/i.test(l.replace(/^[-*•]\s+/, '')) ? 1 : quoted.length) : [l.replace(/^[-*•]\s+/, '')]));
  }
  return out;
}

const tokensOf = (s: string) => s.toLowerCase().split(/[\s—–/|→,:;()"“”]+/).map((t) => t.replace(/^[^a-z0-9$+]+|[^a-z0-9%]+$/g, '')).filter((t) => t.length > 0);

const critical: Check = ({ p }, report) => {
  const c = sectionOf(p, 'CRITICAL ON-SCREEN TEXT');
  if (!c) return;
  const strings = criticalStrings(c.body);
  if (!/literal|exact|verbatim/i.test(c.body) || strings.length === 0) {
    report('warning', 'F1', 'Label CRITICAL ON-SCREEN TEXT "(display literally)" and list each exact string as a "- " bullet, or the agent may round numbers and paraphrase quotes.');
  }
  if (p.scenes.length === 0) return;
  const visuals = new Set(tokensOf(p.scenes.map((s) => s.text).join('\n')));
  for (const str of strings.filter((x) => !x.startsWith('['))) {
    const toks = tokensOf(str);
    const figures = toks.filter((t) => /\d/.test(t));
    const words = toks.filter((t) => !/\d/.test(t) && t.length > 2);
    const figuresOk = figures.every((t) => visuals.has(t));
    const wordsOk = words.length === 0 || words.filter((t) => visuals.has(t)).length / words.length >= 0.6;
    if (!figuresOk || !wordsOk) report('warning', 'F3', `"${clip(str)}" is listed as critical text but no scene shows it. Put it in a scene's on-screen layer, or drop it from the list.`);
  }
};

/** G: scene types, rotation, markers. */
const scenes: Check = ({ p, target }, report) => {
  const list = p.scenes;
  if (list.length === 0) return;
  for (const s of list) {
    if (!s.type || s.seconds === undefined) {
      report('warning', 'G1', `Scene ${s.number} header "${clip(s.header)}" should read "SCENE ${s.number} — <A-ROLL | FULL SCREEN B-ROLL | A-ROLL + OVERLAY> (<seconds>s)".`, s.number);
    }
  }
  for (let i = 0; i + 2 < list.length; i++) {
    const t = list[i]!.type;
    if (t && list[i + 1]!.type === t && list[i + 2]!.type === t && (i === 0 || list[i - 1]!.type !== t)) {
      report('error', 'G2', `Scenes ${list[i]!.number}–${list[i + 2]!.number} are three ${t} scenes in a row. Rotate types: never 3 of the same type consecutively.`, list[i]!.number);
    }
  }
  const broll = list.filter(isBroll).length;
  if (broll < 2) report('error', 'G3', `The prompt has ${broll} FULL SCREEN B-ROLL scene(s). Add at least 2 pure motion-graphic scenes.`);
  for (const s of list) {
    if (isBroll(s) && !s.directions.some((d) => /NO AVATAR/i.test(d))) {
      report('warning', 'G5', `Scene ${s.number} is B-roll without a no-avatar marker. Add a line "[NO AVATAR — motion graphic only]".`, s.number);
    }
    if (isAroll(s) && s.directions.length === 0) {
      report('warning', 'G6', `Scene ${s.number} (A-ROLL) has no bracketed direction. Add framing, emotion and gesture, e.g. "[Avatar center-frame, warm, leaning in]".`, s.number);
    }
  }
  let lastSide: string | undefined;
  for (const s of list.filter(isOverlay)) {
    const text = [...s.directions, ...s.other].join(' ');
    if ((text.match(/\d+\s*%/g) ?? []).length < 2 || !/no[- ]overlap/i.test(text)) {
      report('warning', 'G7', `Scene ${s.number} (overlay) should declare the split, e.g. "[SPLIT — Avatar LEFT 35%. Content RIGHT 65%. NO overlap.]".`, s.number);
    }
    const side = /avatar\s+(left|right)\b/i.exec(text)?.[1]?.toUpperCase();
    if (side && side === lastSide) {
      report('warning', 'G8', `Scene ${s.number} puts the avatar on the ${side} again. Alternate the avatar's side between overlay scenes.`, s.number);
    }
    if (side) lastSide = side;
  }
  for (const s of list.slice(0, -1)) {
    if (!(TRANSITION.test(s.lastLine) && wordsOf(s.lastLine).length <= 8)) {
      report('warning', 'G10', `Scene ${s.number} does not end with a transition. Close it with one line such as "Hard cut." or "Grid wipe.".`, s.number);
    }
  }
  if (target !== undefined) {
    const avg = target / list.length;
    if (avg < 6 || avg > 15) {
      report('warning', 'G11', `${list.length} scenes for ${target} s means about ${avg.toFixed(1)} s each. ${avg < 6 ? 'Merge scenes' : 'Add scenes'} so each runs roughly 6–15 s.`);
    }
  }
};

/** H: voiceover. */
const voiceover: Check = ({ p }, report) => {
  const list = p.scenes;
  let bangs = 0;
  list.forEach((s) => {
    const vo = s.voiceover?.trim();
    if (!vo) {
      report('error', 'H1', `Scene ${s.number} has no VOICEOVER line. Add VOICEOVER: "…" to every scene, B-roll included; silent scenes break the video.`, s.number);
      return;
    }
    bangs += (vo.match(/!/g) ?? []).length;
    if (/[0-9%$€£]/.test(vo)) {
      report('warning', 'H2', `Scene ${s.number} voiceover contains figures or symbols. Spell numbers out in speech ("twenty-eight percent") and keep the figures for on-screen text.`, s.number);
    }
    const words = wordsOf(vo).length;
    // One word budget per scene, from its own length at 150 wpm: H3 above it, H4 well below it.
    if (s.seconds !== undefined) {
      const [lo, hi] = wordBudget(s.seconds);
      if (words > s.seconds * WPS * 1.1) {
        report('warning', 'H3', `Scene ${s.number} has ${words} words of voiceover (about ${describeSeconds(words / WPS)} at 150 wpm) for ${describeSeconds(s.seconds)}. Keep it within ${lo}–${hi} words or lengthen the scene.`, s.number);
      } else if (words < lo) {
        report('warning', 'H4', `Scene ${s.number} has ${words} voiceover words for ${describeSeconds(s.seconds)}, so about ${describeSeconds(s.seconds - words / WPS)} would be silent. Write ${lo}–${hi} words or shorten the scene.`, s.number);
      }
    }
    for (const sentence of vo.split(/(?<=[.!?])\s+/)) {
      const n = wordsOf(sentence).length;
      if (n >= 30) report('warning', 'H6', `Scene ${s.number} has a ${n}-word sentence. Split it: aim for 10–20 words per sentence.`, s.number);
    }
  });
  if (bangs > 1) report('warning', 'H6', `The voiceover uses ${bangs} exclamation marks. One per script is usually enough; let the delivery carry the energy.`);
};

/** I: visual layers. */
const layers: Check = ({ p }, report) => {
  for (const s of p.scenes) {
    if (isBroll(s) && s.layers.length < 4) {
      report('warning', 'I1', `Scene ${s.number} (B-roll) has ${s.layers.length} LAYER line(s). Build it from 4–5 layers: background, hero, supporting, information bar, effects.`, s.number);
    }
    if (isOverlay(s)) {
      const content = s.layers.length || s.other
        .filter((l) => l !== s.lastLine || !TRANSITION.test(l))
        .filter((l) => !/^avatar\b|^lower[- ]third/i.test(l))
        .flatMap((l) => l.replace(/^(LEFT|RIGHT)\s+SIDE\s*:/i, '').split(/(?<=[.;])\s+/))
        .filter((x) => wordsOf(x).length >= 2).length;
      if (content < 3) report('warning', 'I2', `Scene ${s.number} (overlay) shows ${content} content element(s). Give the content side at least 3 moving elements.`, s.number);
    }
    const still = s.layers.filter((l) => !MOTION.test(l.text)).map((l) => l.n);
    if (still.length) {
      report('warning', 'I3', `Scene ${s.number}: LAYER ${still.join(', ')} ${still.length > 1 ? 'have' : 'has'} no motion. Give every layer a motion verb (SLAMS, CASCADE, DRAWS, COUNTS UP, FLOATS, pulses…).`, s.number);
    }
  }
};

/** J: timing. */
function bandFor(seconds: number): [number, number] {
  if (seconds < 30) return [3, 5];
  if (seconds <= 45) return [5, 7];
  if (seconds < 60) return [6, 8];
  if (seconds <= 75) return [7, 9];
  if (seconds < 90) return [8, 11];
  if (seconds <= 120) return [10, 13];
  return [12, 40];
}

const timing: Check = ({ p, target }, report) => {
  const list = p.scenes;
  for (const s of list) {
    if (s.seconds === undefined) continue;
    if (isBroll(s) && s.seconds <= 5) {
      report('error', 'J3', `Scene ${s.number} is B-roll of ${describeSeconds(s.seconds)}. B-roll of 5 s or less renders black or empty frames: make it 10–15 s.`, s.number);
    } else if (isBroll(s) && (s.seconds < 10 || s.seconds > 15)) {
      report('warning', 'J3', `Scene ${s.number} is B-roll of ${describeSeconds(s.seconds)}. Keep B-roll between 10 and 15 s.`, s.number);
    }
    if (isOverlay(s) && (s.seconds < 8 || s.seconds > 12)) {
      report('warning', 'J5', `Scene ${s.number} is an overlay of ${describeSeconds(s.seconds)}. Keep overlay scenes between 8 and 12 s.`, s.number);
    }
  }
  const first = list[0];
  const last = list[list.length - 1];
  if (first && (!isAroll(first) || (first.seconds !== undefined && (first.seconds < 6 || first.seconds > 10)))) {
    report('warning', 'J4', `Open with a hook A-ROLL of 6–10 s (scene ${first.number} is ${first.type ?? 'untyped'}${first.seconds !== undefined ? `, ${describeSeconds(first.seconds)}` : ''}).`, first.number);
  }
  if (last && last !== first && (!isAroll(last) || (last.seconds !== undefined && (last.seconds < 6 || last.seconds > 8)))) {
    report('warning', 'J4', `Close with a call-to-action A-ROLL of 6–8 s (scene ${last.number} is ${last.type ?? 'untyped'}${last.seconds !== undefined ? `, ${describeSeconds(last.seconds)}` : ''}).`, last.number);
  }
  if (target !== undefined && list.length > 0) {
    const [lo, hi] = bandFor(target);
    if (list.length < lo || list.length > hi) {
      report('warning', 'J6', `A ${target}-second video usually has ${lo}–${hi} scenes; this one has ${list.length}. ${list.length < lo ? 'Split the story into more scenes' : 'Merge some scenes'} or change the length.`);
    }
  }
};

/** L: what does not work. */
const antiPatterns: Check = ({ p, mode }, report) => {
  const where = (text: string) => LAYOUT.exec(text)?.[0];
  if (mode === 'natural' && p.scenes.length === 0) {
    const hit = where(p.raw);
    if (hit) report('error', 'X1', `The prompt uses layout language ("${clip(hit)}"). Screen positions and coordinates produce empty frames: describe how elements move instead.`);
  }
  for (const s of p.sections) {
    const hit = where(s.body);
    if (hit) report('error', 'X1', `${s.name} uses layout language ("${clip(hit)}"). Screen positions and coordinates produce empty frames: describe how elements move instead.`);
  }
  for (const s of p.scenes) {
    const hit = where(s.text);
    if (hit) report('error', 'X1', `Scene ${s.number} uses layout language ("${clip(hit)}"). Replace screen positions and coordinates with motion ("SLAMS in from left, fills 40% of frame").`, s.number);
  }
  const list = /\bhere are (\d+|two|three|four|five|six|seven|eight|nine|ten)\b/i.exec(p.raw);
  if (list) report('warning', 'X5', `"${list[0]}" reads as a list. Tell a story instead: what is happening, why, and the proof.`);
};

/** Scene-level rules belong to the structured method; a natural prompt has no scenes to judge. */
const structuredOnly = (check: Check): Check => (ctx, report) => {
  if (ctx.mode === 'structured') check(ctx, report);
};

export const RULES: readonly Check[] = [structure, avatar, style, critical, ...[scenes, voiceover, layers, timing].map(structuredOnly), antiPatterns, ...CRAFT_RULES];

/** Every rule id this module can report. */
export const RULE_IDS = ['W1', 'S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'D1', 'D2', 'D6', 'E1', 'E2', 'E3', 'E5', 'F1', 'F3',
  'G1', 'G2', 'G3', 'G5', 'G6', 'G7', 'G8', 'G10', 'G11', 'H1', 'H2', 'H3', 'H4', 'H6', 'I1', 'I2', 'I3', 'J3', 'J4', 'J5', 'J6', 'X1', 'X5',
  ...CRAFT_RULE_IDS] as const;

