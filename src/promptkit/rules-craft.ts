/**
 * Rules from HeyGen's current prompt craft that sit beside the seed's method: the natural-flow
 * prompt (N1–N4), the presenter rule with an avatar_id (D7), orientation (O1), a music reference
 * (C1) and labels left in English (S8). Each applies in the mode where it makes sense.
 */
import { LOOKS, presenterSentences } from './lexicon.js';
import { SCRIPT_FRAMING } from './method.js';
import { clip, sectionOf } from './parser.js';
import type { Check, RuleContext } from './rule.js';

/** A line telling the agent the script is material to convey, not a transcript (ours or HeyGen's wording). */
export const FRAMING = /\b(?:not (?:a |to be read )?(?:verbatim|word[- ]for[- ]word)|concept (?:and|&) theme|ideas? to (?:get across|convey)|free(?:dom)? to (?:expand|elaborate|rephrase|adapt)|(?:don't|do not|never) pad|no (?:dead air|padding|silent gaps))/i;

/** Translated section labels at the start of a line: the agent reads the English ones as instructions. */
const LOCAL_LABEL = /^(?:\*\*|#+\s*)?(FORMATO|TONO|TONALIDAD|TONALITÉ|TON|ESTILO|STIL|STILE|MÚSICA|MUSICA|MUSIQUE|MUSIK|NARRACI[ÓO]N|NARRAÇÃO|NARRAZIONE|ERZÄHLSTIL|SPRECHSTIL|TEXTO CRÍTICO|TEXTE CRITIQUE|TEXTO EN PANTALLA|ESCENA|ESCENAS|CENA|SCÈNE|SCENA|SZENE|LOCUCI[ÓO]N|VOZ EN OFF|VOIX OFF|OFF-STIMME|フォーマット|トーン|スタイル|シーン|音楽|ナレーション|格式|语气|风格|场景|場面|音乐|旁白|형식|톤|스타일|장면|음악|내레이션)\s*(?:\d+|[:：—–-])/imu;

/** Scene headers written with a translated label ("ESCENA 2 — B-ROLL"), counted when choosing the mode. */
export const LOCAL_SCENE = /^(?:\*\*|#+\s*)?(?:ESCENA|CENA|SCÈNE|SCENA|SZENE|シーン|场景|場面|장면)\s*\d+/imu;

const PORTRAIT = /\b9\s*[:x×/]\s*16\b|\bvertical\b|\bportrait (?:video|format|orientation|mode)\b|\b(?:tiktok|reels|shorts|stories)\b/i;
const LANDSCAPE = /\b16\s*[:x×/]\s*9\b|\blandscape\b|\bhorizontal\b|\bwidescreen\b/i;
const WIDE = /\b(wide(?:[- ]angle)? (?:shot|frame|framing|view)|widescreen|panoram\w*|16\s*:\s*9|landscape (?:frame|framing|shot|format)|full[- ](?:length|body)|side[- ]by[- ]side|sweeping (?:view|shot))\b/i;
const TALL = /\b(9\s*:\s*16|vertical (?:frame|framing|shot)|portrait framing|selfie[- ]style|phone[- ]held)\b/i;
const MUSIC_REF = /\b(?:meets|like|à la|in the (?:spirit|style|vein|mould|mold) of|inspired by|reminiscent of|think|references?|nod to|echoes? of|similar to)\b|["“][^"”]+["”]/i;
const VISUALS = /#[0-9a-f]{3,8}\b|\bpalette\b|\bcolou?rs?\b|\bvisuals?\b|\bmotion graphics\b|\bstyle\b|\bfonts?\b|\btypography\b/i;

/** The first two non-empty lines, where a natural prompt says what it is. */
const openingLines = (raw: string) => raw.slice(0, 4_000).split('\n').filter((l) => l.trim() !== '').slice(0, 2).join('\n');

/** Which way the prompt says the frame runs, from its FORMAT (structured) or its text (natural). */
function statedOrientation({ p, mode }: RuleContext): 'portrait' | 'landscape' | undefined {
  // A natural prompt states the frame in its opening lines; deeper down "vertical" may be the topic.
  const text = mode === 'structured' ? (sectionOf(p, 'FORMAT')?.body ?? '') : sectionOf(p, 'FORMAT')?.body ?? openingLines(p.raw);
  const port = PORTRAIT.exec(text)?.index;
  const land = LANDSCAPE.exec(text)?.index;
  if (port === undefined) return land === undefined ? undefined : 'landscape';
  return land === undefined || port < land ? 'portrait' : 'landscape';
}

/** Capitalised words after the first one of a sentence: artists, bands, soundtracks. */
function namesSomeone(text: string): boolean {
  return text.split(/(?<=[.!?;])\s+/).some((sentence) => sentence.split(/\s+/).slice(1).some((w) => /^[\p{Lu}][\p{L}'’-]+/u.test(w)));
}

const presenter: Check = ({ p, mode, avatarId }, report) => {
  if (!avatarId) return;
  const text = mode === 'structured'
    ? sectionOf(p, 'AVATAR')?.body ?? ''
    : presenterSentences(p.raw);
  const looks = LOOKS.exec(text);
  if (looks) {
    report('warning', 'D7', `The prompt describes how the presenter looks ("${clip(looks[0], 30)}") while avatar_id fixes the look. Say "the selected presenter" and describe only framing, set and delivery: clashing descriptions are the main cause of a mismatched avatar.`);
  }
  if (!/\bselected presenter\b/i.test(p.raw)) {
    report('warning', 'D7', 'With avatar_id set, refer to the presenter as "the selected presenter" (in English, even in another language) so the agent keeps the chosen look.');
  }
};

const orientation: Check = (ctx, report) => {
  const { p, mode, orientation: requested } = ctx;
  const stated = statedOrientation(ctx);
  if (requested && stated && requested !== stated) {
    report('warning', 'O1', `The prompt frames a ${stated} video but orientation is "${requested}". Make them agree: Video Agent renders the orientation you pass, so the prompt's framing would be cropped.`);
  }
  const frame = requested ?? stated;
  if (!frame) return;
  const where = sectionOf(p, 'AVATAR')?.body ?? (mode === 'natural' ? presenterSentences(p.raw) : '');
  const clash = (frame === 'portrait' ? WIDE : TALL).exec(where);
  if (clash) {
    report('warning', 'O1', `The video is ${frame} but the presenter is framed as "${clip(clash[0], 30)}". ${frame === 'portrait' ? 'In 9:16 frame them from the chest up, centred, with the set behind them.' : 'In 16:9 frame them centred or to one side, with the set filling the width.'}`);
  }
};

const music: Check = ({ p }, report) => {
  const m = sectionOf(p, 'MUSIC');
  if (!m || !m.body.trim()) return;
  if (!MUSIC_REF.test(m.body) && !namesSomeone(m.body)) {
    report('warning', 'C1', 'MUSIC names no reference. Add one or two reference artists or soundtracks ("in the vein of Khruangbin") besides the genre and how the energy rises and falls.');
  }
};

const labels: Check = ({ p }, report) => {
  const hit = LOCAL_LABEL.exec(p.raw.slice(0, 50_000));
  if (hit) {
    report('warning', 'S8', `"${clip(hit[1]!, 20)}" looks like a translated label. Keep labels in English (FORMAT, TONE, AVATAR, STYLE, SCENE n — A-ROLL, VOICEOVER, MUSIC, NARRATION STYLE) and write the voiceover and on-screen text in your language.`);
  }
};

const natural: Check = ({ p, mode, requested, format, target, styleId }, report) => {
  if (mode !== 'natural') return;
  if (!FRAMING.test(p.raw)) {
    report('warning', 'N1', `Add a script-framing line, e.g. "${SCRIPT_FRAMING}" Without it Video Agent may pad the length with silence.`);
  }
  if (requested === undefined && !format) {
    report('warning', 'N2', 'Say how long the video should be ("about 45 seconds") or pass duration_seconds; otherwise Video Agent picks a length.');
  }
  if (!styleId && !sectionOf(p, 'STYLE') && !VISUALS.test(p.raw)) {
    report('warning', 'N3', 'Give the visuals a direction: end with a STYLE block (palette, type, motion, media types) or pass a style_id from list_video_agent_styles.');
  }
  if (p.scenes.length > 0) {
    report('warning', 'N4', 'A natural prompt leaves out scene labels and per-scene timings so the agent paces it. Remove them, or validate with mode "structured".');
  } else if (target !== undefined && target > 60) {
    report('warning', 'N4', `A natural prompt suits 60 s or less; for ${target} s write the structured method (scenes with type, length and voiceover) for steadier pacing.`);
  }
};

export const CRAFT_RULES: readonly Check[] = [presenter, orientation, music, labels, natural];

export const CRAFT_RULE_IDS = ['C1', 'D7', 'O1', 'S8', 'N1', 'N2', 'N3', 'N4'] as const;
