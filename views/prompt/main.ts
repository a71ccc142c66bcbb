// The scene split and the style data are the validator's own (src/promptkit): bundled in, so
// scene numbers and palettes match what the tool reported, with no extra call.
import { parsePrompt, wordsOf, type Scene } from '../../src/promptkit/parser.js';
import { findStyle } from '../../src/promptkit/styles.js';
import { clock, el, errorText, startView, str, type Json } from '../shared/app.js';

interface Finding { rule: string; message: string; scene?: number; level: 'error' | 'warning' }

/** Speaking pace the method budgets voiceover with: 150 words a minute. */
const WORDS_PER_SECOND = 2.5;

const root = document.getElementById('root')!;
let prompt = '';

startView('prompt', {
  input(args) { prompt = str(args.prompt) ?? ''; },
  result(r) {
    const sc = r.structuredContent;
    if (r.isError || !sc) return void root.replaceChildren(el('p', { class: 'error', role: 'alert' }, errorText(r)));
    render(sc);
  },
});

function findingsOf(sc: Json): Finding[] {
  const list = (v: unknown, level: Finding['level']) => (Array.isArray(v) ? v : []).map((f: Json) => ({ rule: String(f.rule), message: String(f.message), scene: typeof f.scene === 'number' ? f.scene : undefined, level }));
  return [...list(sc.errors, 'error'), ...list(sc.warnings, 'warning')];
}

function render(sc: Json): void {
  const findings = findingsOf(sc);
  const errors = findings.filter((f) => f.level === 'error').length;
  const warnings = findings.length - errors;
  const parsed = parsePrompt(prompt);
  const numbers = new Set(parsed.scenes.map((s) => s.number));
  const general = findings.filter((f) => f.scene === undefined || !numbers.has(f.scene));
  const total = typeof sc.total_seconds === 'number' ? sc.total_seconds : undefined;
  const declared = typeof sc.declared_seconds === 'number' ? sc.declared_seconds : undefined;
  const voice = typeof sc.estimated_voiceover_seconds === 'number' ? sc.estimated_voiceover_seconds : undefined;
  root.replaceChildren(...[
    el('h1', {}, 'Prompt check ', el('span', { class: `verdict ${sc.ok ? 'ok' : 'bad'}` }, sc.ok ? 'ready for create_video_agent' : `${errors} error${errors === 1 ? '' : 's'}`), warnings ? el('span', { class: 'muted small' }, ` · ${warnings} warning${warnings === 1 ? '' : 's'}`) : null),
    el('p', { class: 'summary muted small' }, [
      `${parsed.scenes.length} scene${parsed.scenes.length === 1 ? '' : 's'}`,
      total !== undefined ? `${clock(total)} of scenes${declared !== undefined ? ` (FORMAT says ${clock(declared)})` : ''}` : undefined,
      voice !== undefined ? `voiceover ≈ ${clock(voice)}` : undefined,
    ].filter(Boolean).join(' · ')),
    styleSwatch(str(sc.style)),
    general.length ? el('section', { class: 'scene', 'aria-label': 'Whole prompt' }, el('h2', {}, 'Whole prompt'), findingList(general)) : null,
    ...parsed.scenes.map((s) => sceneCard(s, findings.filter((f) => f.scene === s.number))),
  ].filter((n) => n !== null));
}

function styleSwatch(name: string | undefined): HTMLElement | null {
  const style = name ? findStyle(name) : undefined;
  if (!style) return name ? el('p', { class: 'small' }, `Style: ${name}`) : null;
  return el('div', { 'aria-label': `Style ${style.name}` },
    el('span', { class: 'small' }, el('strong', {}, style.name), el('span', { class: 'muted' }, ` · ${style.designer}`)),
    el('div', { class: 'swatches' }, ...style.palette.map((p) => {
      const chip = el('i', { class: p.hex ? '' : 'named', title: p.hex ?? p.name });
      if (p.hex) chip.style.background = p.hex;
      return el('span', { class: 'swatch' }, chip, `${p.name}${p.hex ? ` ${p.hex}` : ''}`);
    })));
}

function findingList(list: Finding[]): HTMLUListElement {
  return el('ul', { class: 'findings' }, ...list.map((f) => el('li', { class: f.level }, el('span', { class: 'rule', title: f.level }, f.rule), f.message)));
}

function sceneCard(s: Scene, list: Finding[]): HTMLElement {
  const words = s.voiceover ? wordsOf(s.voiceover).length : 0;
  const capacity = s.seconds !== undefined ? Math.floor(s.seconds * WORDS_PER_SECOND) : undefined;
  const level = list.some((f) => f.level === 'error') ? 'has-error' : list.length ? 'has-warning' : '';
  const budget = capacity !== undefined
    ? el('meter', { min: 0, max: Math.max(capacity, 1), low: capacity * 0.5, high: capacity * 0.95, optimum: capacity * 0.8, value: words, 'aria-label': `Voiceover ${words} of about ${capacity} words` })
    : null;
  return el('section', { class: `scene ${level}`, 'data-scene': s.number, 'aria-label': `Scene ${s.number}` },
    el('h2', {}, el('span', {}, `Scene ${s.number} · ${s.type ?? (s.rawType || 'no type')}`), el('span', { class: 'muted' }, s.seconds !== undefined ? clock(s.seconds) : 'no length')),
    el('div', { class: 'muted small' }, capacity !== undefined ? `${words} words of voiceover; fits about ${capacity}` : `${words} words of voiceover`),
    budget,
    list.length ? findingList(list) : null,
    el('details', {}, el('summary', {}, 'Scene text'), el('pre', {}, [s.header, s.text].join('\n').trim())),
  );
}
