/** Validates a Video Agent prompt against the method's rules: the engine behind the tool. */
import { parsePrompt, sectionOf, wordsOf, type ParsedPrompt, type SceneType } from './parser.js';
import { LOCAL_SCENE } from './rules-craft.js';
import type { Finding, PromptMode, RuleContext } from './rule.js';
import { RULES } from './rules.js';
import { findStyle } from './styles.js';

export interface ValidateOptions {
  durationSeconds?: number;
  orientation?: 'landscape' | 'portrait';
  avatarId?: string;
  styleId?: string;
  /** Omitted: structured when the prompt has scenes (or is long and labelled), natural otherwise. */
  mode?: PromptMode;
}

/** Findings kept per rule before the rest are folded into one "and N more" finding. */
export const PER_RULE_CAP = 3;
/** Findings kept per list (errors, warnings); with the message cap this bounds any result. */
export const PER_LIST_CAP = 24;
const MESSAGE_CAP = 320;

export interface ValidationStats {
  mode: PromptMode;
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

/**
 * Keeps a result small whatever the input: per rule the first few findings stand, the rest fold
 * into one finding that says how many more and in which scenes; each list and message is capped.
 */
export function boundFindings(list: Finding[]): Finding[] {
  const byRule = new Map<string, Finding[]>();
  for (const f of list) {
    const same = byRule.get(f.rule);
    if (same) same.push(f);
    else byRule.set(f.rule, [f]);
  }
  const out: Finding[] = [];
  for (const [rule, fs] of byRule) {
    out.push(...fs.slice(0, PER_RULE_CAP));
    const rest = fs.slice(PER_RULE_CAP);
    if (rest.length === 0) continue;
    const scenes = [...new Set(rest.map((f) => f.scene).filter((n): n is number => n !== undefined))];
    const where = scenes.length ? ` (scene${scenes.length > 1 ? 's' : ''} ${scenes.slice(0, 12).join(', ')}${scenes.length > 12 ? ', …' : ''})` : '';
    out.push({ rule, message: `${rest.length} more ${rule} finding${rest.length > 1 ? 's' : ''} like the ones above${where}: fix them the same way.`, more: rest.length });
  }
  const kept = out.slice(0, PER_LIST_CAP).map((f) => (f.message.length > MESSAGE_CAP ? { ...f, message: `${f.message.slice(0, MESSAGE_CAP - 1)}…` } : f));
  const dropped = out.length - kept.length;
  if (dropped > 0) {
    const hidden = out.slice(PER_LIST_CAP).reduce((t, f) => t + (f.more ?? 1), 0);
    const rules = [...new Set(out.slice(PER_LIST_CAP).map((f) => f.rule))];
    kept.push({ rule: rules[0]!, message: `${hidden} more finding${hidden > 1 ? 's' : ''} (rules ${rules.slice(0, 10).join(', ')}) not shown: fix the ones above and validate again.`, more: hidden });
  }
  return kept;
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

/** Structured when the prompt has scenes, or is labelled like one and runs past 60 s; natural otherwise. */
export function chooseMode(p: ParsedPrompt, target: number | undefined): PromptMode {
  if (p.scenes.length > 0 || LOCAL_SCENE.test(p.raw.slice(0, 50_000))) return 'structured';
  const labels = p.order.length;
  if (target !== undefined && target <= 60) return 'natural';
  return labels >= 5 || (labels >= 3 && target !== undefined) ? 'structured' : 'natural';
}

function contextOf(p: ParsedPrompt, opts: ValidateOptions): RuleContext {
  const requested = opts.durationSeconds;
  const fmt = sectionOf(p, 'FORMAT');
  // A natural prompt states its length in the text ("about 45 seconds") rather than in FORMAT.
  const format = fmt ? formatLength(fmt.body) : p.scenes.length === 0 ? formatLength(p.raw.slice(0, 4_000)) : undefined;
  const styleName = sectionOf(p, 'STYLE')?.header.match(/^STYLE\s*[—–-]+\s*([^(:]+)/i)?.[1];
  const style = styleName ? findStyle(styleName) : undefined;
  const totalSeconds = p.scenes.reduce((t, s) => t + (s.seconds ?? 0), 0);
  const target = requested ?? (format ? Math.round((format.min + format.max) / 2) : undefined);
  const mode = opts.mode ?? chooseMode(p, target);
  return {
    p, totalSeconds, mode,
    ...(opts.avatarId ? { avatarId: opts.avatarId } : {}),
    ...(opts.styleId ? { styleId: opts.styleId } : {}),
    ...(opts.orientation ? { orientation: opts.orientation } : {}),
    ...(format ? { format } : {}),
    ...(requested !== undefined ? { requested } : {}),
    ...(target !== undefined ? { target } : {}),
    ...(style ? { style } : {}),
  };
}

export function validatePrompt(prompt: string, opts: ValidateOptions = {}): ValidationResult {
  const p = parsePrompt(prompt);
  const ctx = contextOf(p, opts);
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
    errors: boundFindings(errors),
    warnings: boundFindings(warnings),
    stats: {
      mode: ctx.mode,
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
