/**
 * The shape of a rule of the Video Agent prompt method: what a check reads and how it reports.
 * Apart from the rules themselves (rules.ts, rules-craft.ts) so that both files, and the
 * validator that runs them, import it from below.
 */
import type { ParsedPrompt } from './parser.js';
import type { VisualStyle } from './styles.js';

/** `structured`: the seed's labelled method with scenes. `natural`: one flowing prompt, no scene labels (≤ 60 s). */
export type PromptMode = 'structured' | 'natural';

export type Severity = 'error' | 'warning';

export interface Finding {
  rule: string;
  message: string;
  scene?: number;
  /** Set on a finding that stands for this many more of the same rule, folded to bound the result. */
  more?: number;
}

/** What every check reads: the parsed prompt and what the caller said about the video. */
export interface RuleContext {
  p: ParsedPrompt;
  /** Length the FORMAT line declares (a range when it says "100-120 seconds"). */
  format?: { min: number; max: number };
  /** `duration_seconds` the caller plans to request. */
  requested?: number;
  /** What the video is meant to last: requested, else FORMAT (midpoint). */
  target?: number;
  style?: VisualStyle;
  totalSeconds: number;
  mode: PromptMode;
  /** An avatar look id the caller will pass: the prompt should then not describe the presenter. */
  avatarId?: string;
  /** A Video Agent style preset the caller will pass: a STYLE block becomes optional. */
  styleId?: string;
  orientation?: 'landscape' | 'portrait';
}

export type Report = (severity: Severity, rule: string, message: string, scene?: number) => void;
export type Check = (ctx: RuleContext, report: Report) => void;
