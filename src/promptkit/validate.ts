/** Validates a Video Agent prompt against the method's rules: the engine behind the tool. */
import { parsePrompt, sectionOf, wordsOf, type ParsedPrompt, type SceneType } from './parser.js';
import { RULES, type Finding, type RuleContext } from './rules.js';
import { findStyle } from './styles.js';

export interface ValidationStats {
  scenes: number;
  scene_types: Partial<Record<SceneType, number>>;
  total_seconds: number;
  voiceover_words: number;
  estimated_voiceover_seconds: number;
  /** True when the prompt still holds bracketed placeholders such as [TOPIC]. */
  template: boolean;
  /** Length the FORMAT line declares, when it gives one (midpoint of a range). */
  declared_seconds?: number;
  /** The named style, when it is one of the 20. */
  style?: string;
}

export interface ValidationResult {
  ok: boolean;
  errors: Finding[];
  warnings: Finding[];
  stats: ValidationStats;
}

const NUMBER_WORDS: Record<string, number> = { thirty: 30, forty: 40, 'forty-five': 45, sixty: 60, ninety: 90 };

/** Length from FORMAT: "90 seconds", "75-second", "100-120 seconds", "2 minutes", "90s". */
export function formatLength(text: string): { min: number; max: number } | undefined {
  const m = /(\d+(?:\.\d+)?)(?:\s*(?:-|–|to)\s*(\d+(?:\.\d+)?))?\s*-?\s*(seconds?|secs?|s\b|minutes?|mins?)/i.exec(text);
  if (m) {
    const k = /^m/i.test(m[3]!) ? 60 : 1;
    const a = Number(m[1]) * k;
    const b = m[2] ? Number(m[2]) * k : a;
    return { min: Math.min(a, b), max: Math.max(a, b) };
  }
  const w = /\b(thirty|forty-five|forty|sixty|ninety)[- ]seconds?\b/i.exec(text);
  if (w) { const n = NUMBER_WORDS[w[1]!.toLowerCase()]!; return { min: n, max: n }; }
  return undefined;
}

function contextOf(p: ParsedPrompt, requested: number | undefined): RuleContext {
  const fmt = sectionOf(p, 'FORMAT');
  const format = fmt ? formatLength(fmt.body) : undefined;
  const styleName = sectionOf(p, 'STYLE')?.header.match(/^STYLE\s*[—–-]+\s*([^(:]+)/i)?.[1];
  const style = styleName ? findStyle(styleName) : undefined;
  const totalSeconds = p.scenes.reduce((t, s) => t + (s.seconds ?? 0), 0);
  const target = requested ?? (format ? Math.round((format.min + format.max) / 2) : undefined);
  return {
    p, totalSeconds,
    ...(format ? { format } : {}),
    ...(requested !== undefined ? { requested } : {}),
    ...(target !== undefined ? { target } : {}),
    ...(style ? { style } : {}),
  };
}

export function validatePrompt(prompt: string, opts: { durationSeconds?: number } = {}): ValidationResult {
  const p = parsePrompt(prompt);
  const ctx = contextOf(p, opts.durationSeconds);
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  if (p.placeholders.length > 0) {
    const shown = p.placeholders.slice(0, 4).map((x) => (x.length > 60 ? `${x.slice(0, 57)}…]` : x)).join(', ');
    errors.push({ rule: 'W1', message: `This is a template: fill the placeholders (${shown}${p.placeholders.length > 4 ? `, +${p.placeholders.length - 4} more` : ''}) with real material before sending it.` });
  }
  for (const check of RULES) {
    check(ctx, (severity, rule, message, scene) => {
      (severity === 'error' ? errors : warnings).push({ rule, message, ...(scene !== undefined ? { scene } : {}) });
    });
  }
  const scene_types: Partial<Record<SceneType, number>> = {};
  for (const s of p.scenes) if (s.type) scene_types[s.type] = (scene_types[s.type] ?? 0) + 1;
  const voiceover_words = p.scenes.reduce((t, s) => t + (s.voiceover ? wordsOf(s.voiceover).length : 0), 0);
  return {
    ok: errors.length === 0,
    errors,
    warnings,
    stats: {
      scenes: p.scenes.length,
      scene_types,
      total_seconds: ctx.totalSeconds,
      voiceover_words,
      estimated_voiceover_seconds: Math.round((voiceover_words / 150) * 60 * 10) / 10,
      template: p.placeholders.length > 0,
      ...(ctx.format ? { declared_seconds: Math.round((ctx.format.min + ctx.format.max) / 2) } : {}),
      ...(ctx.style ? { style: ctx.style.name } : {}),
    },
  };
}
