/**
 * Reads a Video Agent prompt into its labelled sections and its scenes. Tolerant by design: it
 * never throws, and anything it cannot place is left for the rules to report.
 */
export type SectionName = 'FORMAT' | 'TONE' | 'AVATAR' | 'STYLE' | 'CRITICAL ON-SCREEN TEXT' | 'SCENES' | 'MUSIC' | 'NARRATION STYLE';

export const SECTION_ORDER: readonly SectionName[] = ['FORMAT', 'TONE', 'AVATAR', 'STYLE', 'CRITICAL ON-SCREEN TEXT', 'SCENES', 'MUSIC', 'NARRATION STYLE'];

export type SceneType = 'A-ROLL' | 'FULL SCREEN B-ROLL' | 'A-ROLL + OVERLAY';

export interface Section {
  name: SectionName;
  /** The label line as written, e.g. `STYLE — SWISS PULSE (Müller-Brockmann): …`. */
  header: string;
  /** Everything after the label, header remainder included. */
  body: string;
  line: number;
}

export interface Scene {
  number: number;
  header: string;
  /** Normalised type, or undefined when the header names none of the three. */
  type?: SceneType;
  rawType: string;
  /** `B-ROLL` written without `FULL SCREEN`, as the seed's templates do. */
  abbreviated: boolean;
  seconds?: number;
  /** Bracketed direction lines: `[NO AVATAR — motion graphic only]`. */
  directions: string[];
  voiceover?: string;
  layers: { n: number; text: string }[];
  /** Remaining lines (lower-thirds, side content, end card). */
  other: string[];
  /** Last non-empty line, where the transition belongs. */
  lastLine: string;
  /** Whole scene text, header excluded. */
  text: string;
  line: number;
}

export interface ParsedPrompt {
  sections: Section[];
  scenes: Scene[];
  /** Order in which sections first appear (SCENES at the first scene). */
  order: SectionName[];
  /** Bracketed placeholders found where real content belongs. */
  placeholders: string[];
  raw: string;
}

const LABELS: [SectionName, RegExp][] = [
  ['CRITICAL ON-SCREEN TEXT', /^CRITICAL\s+(?:ON[- ]SCREEN\s+)?TEXT\b/i],
  ['NARRATION STYLE', /^NARRATION(?:\s+STYLE)?\s*[:—–-]/i],
  ['FORMAT', /^FORMAT\s*[:—–-]/i],
  ['TONE', /^TONE\s*[:—–-]/i],
  ['AVATAR', /^AVATAR\s*[:—–-]/i],
  ['STYLE', /^STYLE\s*[:—–-]/i],
  ['MUSIC', /^MUSIC\s*[:—–-]/i],
];

const SCENE_RE = /^SCENE\s+(\d+)\b\s*[:—–-]*\s*(.*)$/i;
const SEPARATOR_RE = /^\s*(?:-{3,}|—{2,}|_{3,})\s*$/;

export function sceneTypeOf(raw: string): { type?: SceneType; abbreviated: boolean } {
  const t = raw.toUpperCase().replace(/\s+/g, ' ');
  if (/A[- ]?ROLL\s*(\+|&|WITH|AND)\s*OVERLAY|\bOVERLAY\b|SPLIT/.test(t)) return { type: 'A-ROLL + OVERLAY', abbreviated: false };
  if (/FULL[- ]SCREEN\s+B[- ]?ROLL/.test(t)) return { type: 'FULL SCREEN B-ROLL', abbreviated: false };
  if (/\bB[- ]?ROLL\b/.test(t)) return { type: 'FULL SCREEN B-ROLL', abbreviated: true };
  if (/\bA[- ]?ROLL\b/.test(t)) return { type: 'A-ROLL', abbreviated: false };
  return { abbreviated: false };
}

function parseSceneHeader(n: number, rest: string, line: number): Scene {
  const secs = /\((\d+(?:\.\d+)?)\s*(?:s|sec|secs|seconds?)\)/i.exec(rest) ?? /\b(\d+(?:\.\d+)?)\s*(?:s|sec|secs|seconds?)\b/i.exec(rest);
  const rawType = rest.split('(')[0]!.replace(/[:—–-]+\s*$/, '').trim();
  const { type, abbreviated } = sceneTypeOf(rawType);
  return {
    number: n, header: `SCENE ${n} — ${rest}`.trim(), rawType, abbreviated, directions: [], layers: [], other: [], lastLine: '', text: '', line,
    ...(type ? { type } : {}),
    ...(secs ? { seconds: Number(secs[1]) } : {}),
  };
}

/** The voiceover label: the method's VOICEOVER, or the VO / VO/Script of HeyGen's scene template. */
const VO_LABEL = String.raw`(?:VOICE[- ]?OVER|\bVO(?:\s*/\s*SCRIPT)?)\s*:`;
const VO_QUOTED = new RegExp(String.raw`${VO_LABEL}\s*(["“])([\s\S]*?)(["”])`, 'i');
const VO_LINE = new RegExp(String.raw`${VO_LABEL}\s*([^\n]+)`, 'i');
const VO_START = new RegExp(`^${VO_LABEL}`, 'i');

/** Text of a quoted VOICEOVER, which may run over several lines. */
function extractVoiceover(text: string): string | undefined {
  const m = VO_QUOTED.exec(text) ?? VO_LINE.exec(text);
  if (!m) return undefined;
  const body = m.length > 3 ? m[2]! : m[1]!;
  return body.replace(/\s+/g, ' ').trim();
}

function fillScene(scene: Scene, lines: string[], headerTail: string): void {
  const tail = headerTail.includes(')') ? headerTail.replace(/^.*?\)\s*:?\s*/, '') : '';
  const body = [tail, ...lines].filter((l) => l.trim() !== '');
  scene.text = body.join('\n');
  const vo = extractVoiceover(scene.text);
  if (vo !== undefined) scene.voiceover = vo;
  let current: { n: number; text: string } | undefined;
  for (let i = 0; i < body.length; i++) {
    const raw = body[i]!;
    const l = raw.trim();
    const layer = /^LAYER\s*(\d+)\s*[:—–-]\s*(.*)$/i.exec(l);
    if (layer) {
      current = { n: Number(layer[1]), text: layer[2]! };
      scene.layers.push(current);
      continue;
    }
    current = current && /^\s{2,}/.test(raw) ? current : undefined;
    if (current) current.text += ` ${l}`;
    else if (/^\[/.test(l)) scene.directions.push(l);
    else if (VO_START.test(l)) {
      // Skip the continuation lines of a quoted voiceover: they belong to the VO, not the visuals.
      let quotes = (l.match(/["“”]/g) ?? []).length;
      while (quotes % 2 === 1 && i + 1 < body.length) quotes += (body[++i]!.match(/["“”]/g) ?? []).length;
    } else scene.other.push(l);
  }
  scene.lastLine = body.length ? body[body.length - 1]!.trim() : '';
}

const PLACEHOLDER_RE = /\[([^\]\n]{1,40}|[^\]]{1,400})\]/g;

/** Brackets that stand for content still to be written, not scene directions. */
function findPlaceholders(sections: Section[], scenes: Scene[]): string[] {
  const found: string[] = [];
  for (const s of sections) for (const m of s.body.matchAll(PLACEHOLDER_RE)) found.push(m[0]);
  for (const sc of scenes) {
    const inText = [sc.voiceover ?? '', ...sc.layers.map((l) => l.text), ...sc.other].join('\n');
    for (const m of inText.matchAll(PLACEHOLDER_RE)) found.push(m[0]);
    // An ALL-CAPS token such as [TOPIC] is a placeholder even as a direction line.
    for (const d of sc.directions) if (/^\[[A-Z0-9 _/]{2,30}\]$/.test(d) && !/AVATAR|SPLIT/.test(d)) found.push(d);
  }
  return found.map((p) => p.replace(/\s+/g, ' '));
}

export function parsePrompt(prompt: string): ParsedPrompt {
  const lines = prompt.replace(/\r\n?/g, '\n').split('\n');
  const sections: Section[] = [];
  const scenes: Scene[] = [];
  const order: SectionName[] = [];
  const see = (n: SectionName) => { if (!order.includes(n)) order.push(n); };
  let section: { s: Section; lines: string[] } | undefined;
  let scene: { s: Scene; lines: string[]; tail: string } | undefined;

  const close = () => {
    if (section) { section.s.body = [section.s.body, ...section.lines].join('\n').trim(); sections.push(section.s); section = undefined; }
    if (scene) { fillScene(scene.s, scene.lines, scene.tail); scenes.push(scene.s); scene = undefined; }
  };

  lines.forEach((raw, i) => {
    const l = raw.trim().replace(/^\*\*(.+?)\*\*/, '$1').replace(/^#+\s*/, '');
    const sc = SCENE_RE.exec(l);
    if (sc) {
      close();
      see('SCENES');
      scene = { s: parseSceneHeader(Number(sc[1]), sc[2]!, i + 1), lines: [], tail: sc[2]! };
      return;
    }
    const label = LABELS.find(([, re]) => re.test(l));
    if (label) {
      close();
      see(label[0]);
      // STYLE and CRITICAL keep their label line: it carries the style name and "display literally".
      const keep = label[0] === 'STYLE' || label[0] === 'CRITICAL ON-SCREEN TEXT';
      const first = keep ? l : l.replace(label[1], '').replace(/^\s*[:—–-]\s*/, '');
      section = { s: { name: label[0], header: l, body: first, line: i + 1 }, lines: [] };
      return;
    }
    if (SEPARATOR_RE.test(raw)) { close(); return; }
    if (section) section.lines.push(raw);
    else if (scene) scene.lines.push(raw);
  });
  close();
  return { sections, scenes, order, placeholders: findPlaceholders(sections, scenes), raw: prompt };
}

export function sectionOf(p: ParsedPrompt, name: SectionName): Section | undefined {
  return p.sections.find((s) => s.name === name);
}

export const wordsOf = (text: string): string[] =>
  text.replace(/<break[^>]*>/gi, ' ').split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}$]+|[^\p{L}\p{N}%]+$/gu, '')).filter((w) => w.length > 0);

/** User text quoted back in a message is clipped, so a hostile prompt cannot inflate the result. */
export const clip = (text: string, max = 60): string => {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};
