import type { App } from '@modelcontextprotocol/ext-apps';
import { callTool, el, errorText, startView, str, type Json } from '../shared/app.js';

type Mode = 'looks' | 'groups' | 'voices';
const TOOL: Record<Mode, string> = { looks: 'list_avatar_looks', groups: 'list_avatar_groups', voices: 'list_voices' };
/** Filters each list takes, as the tools define them (values as in their input schemas). */
const SELECTS: Record<Mode, [string, string, string[]][]> = {
  looks: [['orientation', 'Orientation', ['landscape', 'portrait', 'square']], ['engine', 'Engine', ['avatar_iii', 'avatar_iv', 'avatar_v']], ['gender', 'Gender', ['female', 'male']], ['ownership', 'Ownership', ['public', 'private']]],
  groups: [['gender', 'Gender', ['female', 'male']], ['ownership', 'Ownership', ['public', 'private']]],
  voices: [['gender', 'Gender', ['female', 'male']], ['type', 'Type', ['public', 'private']]],
};
/** Pages the view asks for itself stay small (every card loads its preview): two rows of cards. */
const PAGE: Record<Mode, number> = { looks: 6, groups: 6, voices: 10 };

interface State {
  mode: Mode;
  /** The list's arguments without paging. */
  filters: Json;
  items: Json[];
  next?: string;
  /** Tokens of the pages before this one ('' = first page). */
  back: string[];
  token: string;
  chosen?: string;
  /** When looks are shown for a group picked in the groups list. */
  fromGroups?: Json;
}

const root = document.getElementById('root')!;
let state: State | undefined;
let args: Json = {};
let loads = 0;
const previews = new Map<string, Promise<string | undefined>>();
const audio = new Audio();

const app: App = startView('picker', {
  input(a) { args = a; },
  result(r) {
    const sc = r.structuredContent;
    if (r.isError || !sc) return void root.replaceChildren(el('p', { class: 'error', role: 'alert' }, errorText(r)));
    const mode: Mode = Array.isArray(sc.looks) ? 'looks' : Array.isArray(sc.groups) ? 'groups' : 'voices';
    const { next_token: token, limit: _l, ...filters } = args;
    state = { mode, filters, items: (sc[mode] as Json[]) ?? [], next: str(sc.next_token), back: [], token: str(token) ?? '' };
    render();
  },
});

async function load(s: State, token: string, back: string[]): Promise<void> {
  const run = ++loads;
  root.setAttribute('aria-busy', 'true');
  try {
    const sc = await callTool(app, TOOL[s.mode], { ...s.filters, limit: PAGE[s.mode], ...(token ? { next_token: token } : {}) });
    if (run !== loads) return;
    state = { ...s, items: (sc[s.mode] as Json[]) ?? [], next: str(sc.next_token), back, token };
    render();
  } catch (err) {
    say((err as Error).message, true);
  } finally {
    root.removeAttribute('aria-busy');
  }
}

function say(text: string, error = false): void {
  const note = document.getElementById('picked');
  if (note) { note.textContent = text; note.className = `picked small ${error ? 'error' : 'muted'}`; }
}

function render(): void {
  const s = state!;
  const title = s.mode === 'looks' ? 'Avatar looks' : s.mode === 'groups' ? 'Avatar groups' : 'Voices';
  root.replaceChildren(...[
    el('div', { class: 'bar' }, el('h1', {}, title), el('span', { class: 'muted small' }, `Page ${s.back.length + 1} · ${s.items.length} shown`)),
    s.fromGroups ? el('button', { onclick: () => { state = s.fromGroups as unknown as State; render(); } }, '← All groups') : null,
    filters(s),
    s.items.length === 0 ? el('p', { class: 'muted' }, 'Nothing matches these filters.') : s.mode === 'voices' ? voiceList(s) : cardGrid(s),
    el('div', { class: 'row pager' },
      el('button', { disabled: s.back.length === 0, onclick: () => void load(s, s.back.at(-1) ?? '', s.back.slice(0, -1)) }, '← Previous'),
      el('button', { disabled: !s.next, onclick: () => void load(s, s.next!, [...s.back, s.token]) }, 'Next →')),
    el('p', { id: 'picked', class: 'picked small muted', role: 'status' }, s.chosen ? `Chosen: ${s.chosen}` : ''),
  ].filter((n) => n !== null));
}

function filters(s: State): HTMLFormElement {
  const apply = () => {
    const next: Json = { ...(s.filters.group_id ? { group_id: s.filters.group_id } : {}) };
    for (const field of form.elements) {
      const f = field as HTMLInputElement | HTMLSelectElement;
      if (f.name && f.value.trim()) next[f.name] = f.value.trim();
    }
    void load({ ...s, filters: next }, '', []);
  };
  const form = el('form', { class: 'filters', 'aria-label': 'Filters', onsubmit: (e: Event) => { e.preventDefault(); apply(); } },
    ...SELECTS[s.mode].map(([name, label, values]) => el('select', { name, 'aria-label': label, onchange: apply },
      el('option', { value: '' }, `${label}: any`),
      ...values.map((v) => el('option', { value: v, selected: s.filters[name] === v }, label === 'Engine' ? v.replace('avatar_', 'Avatar ').replace(/(iii|iv|v)$/, (r) => r.toUpperCase()) : v)))),
    s.mode === 'voices' ? el('input', { name: 'language', type: 'search', placeholder: 'Language', 'aria-label': 'Language', value: str(s.filters.language) ?? '', size: 9 }) : null,
    el('input', { name: 'query', type: 'search', placeholder: 'Name contains', 'aria-label': 'Name contains', value: str(s.filters.query) ?? '', size: 12 }),
  );
  return form;
}

/** Preview URLs come from the get_* tools (lists carry no previews), one call per card, cached. */
function preview(tool: string, idField: string, id: string, field: string): Promise<string | undefined> {
  const key = `${tool}:${id}`;
  let p = previews.get(key);
  if (!p) {
    p = limited(() => callTool(app, tool, { [idField]: id })).then((r) => str(r[field])).catch(() => undefined);
    previews.set(key, p);
  }
  return p;
}

/** At most four preview calls in flight: a page of 25 cards should not flood the host. */
let running = 0;
const waiting: (() => void)[] = [];
async function limited<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= 4) await new Promise<void>((go) => waiting.push(go));
  running++;
  try {
    return await fn();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function cardGrid(s: State): HTMLUListElement {
  const looks = s.mode === 'looks';
  return el('ul', { class: 'grid' }, ...s.items.map((item) => {
    const id = String(looks ? item.look_id : item.group_id);
    const name = str(item.name) ?? id;
    const img = el('img', { class: 'thumb', alt: `Preview of ${name}`, loading: 'lazy' });
    void preview(looks ? 'get_avatar_look' : 'get_avatar_group', looks ? 'look_id' : 'group_id', id, 'preview_image_url').then((url) => { if (url) img.src = url; else img.alt = 'No preview'; });
    const details = looks
      ? [str(item.orientation), (item.engines as string[] | undefined)?.map((e) => e.replace('avatar_', '').toUpperCase()).join('/'), str(item.gender)]
      : [str(item.gender), typeof item.looks_count === 'number' ? `${item.looks_count} looks` : undefined];
    const action = looks
      ? el('button', { class: 'primary', 'aria-pressed': s.chosen === id ? 'true' : 'false', 'aria-label': `Choose ${name}`, onclick: () => void choose(s, 'look', id, name, item) }, 'Choose')
      : el('button', { 'aria-label': `Looks of ${name}`, onclick: () => void load({ mode: 'looks', filters: { group_id: id }, items: [], back: [], token: '', fromGroups: s as unknown as Json }, '', []) }, 'Looks');
    return el('li', { class: s.chosen === id ? 'chosen' : '', 'data-id': id }, img, el('span', { class: 'name', title: name }, name), el('span', { class: 'muted small' }, details.filter(Boolean).join(' · ')), action);
  }));
}

function voiceList(s: State): HTMLUListElement {
  return el('ul', { class: 'voices' }, ...s.items.map((item) => {
    const id = String(item.voice_id);
    const name = str(item.name) ?? id;
    const play = el('button', { 'aria-label': `Play a sample of ${name}`, onclick: async () => {
      const url = await preview('get_voice', 'voice_id', id, 'preview_audio_url');
      if (!url) return say(`${name} has no preview sample.`, true);
      audio.src = url;
      await audio.play().then(() => say(`Playing ${name}.`), () => say(`The sample of ${name} would not play.`, true));
    } }, '▶ Play');
    return el('li', { class: s.chosen === id ? 'chosen' : '', 'data-id': id },
      play,
      el('span', { class: 'who' }, el('span', { class: 'name' }, name), ' ', el('span', { class: 'muted small' }, [str(item.language), str(item.gender)].filter(Boolean).join(' · '))),
      el('button', { class: 'primary', 'aria-pressed': s.chosen === id ? 'true' : 'false', 'aria-label': `Choose ${name}`, onclick: () => void choose(s, 'voice', id, name, item) }, 'Choose'));
  }));
}

/** Tells the model what the person chose: silently in its context, and as the person's message. */
async function choose(s: State, what: 'look' | 'voice', id: string, name: string, item: Json): Promise<void> {
  const field = what === 'look' ? 'look_id' : 'voice_id';
  const voice = what === 'look' ? str(item.default_voice_id) : undefined;
  const text = what === 'look'
    ? `The person chose avatar look "${name}" (look_id ${id}; use it as avatar_id)${voice ? `; its default voice is ${voice}` : ''}.`
    : `The person chose voice "${name}" (voice_id ${id}).`;
  state = { ...s, chosen: id };
  render();
  // Each half is used when the host offers it; one refusing does not stop the other.
  const caps = app.getHostCapabilities();
  let told = false;
  if (caps?.updateModelContext) {
    const structured = caps.updateModelContext.structuredContent ? { structuredContent: { [field]: id, name } } : {};
    told = await app.updateModelContext({ content: [{ type: 'text', text }], ...structured }).then(() => true, () => false);
  }
  if (caps?.message) {
    const sent = await app.sendMessage({ role: 'user', content: [{ type: 'text', text: `I choose the ${what === 'look' ? 'avatar look' : 'voice'} "${name}" (${field} ${id}).` }] }).catch(() => ({ isError: true }));
    told ||= sent.isError !== true;
  }
  say(told ? `Chosen: ${name} (${field} ${id}).` : `Chosen: ${name}. This host cannot pass it on: tell the assistant ${field} ${id}.`, !told);
}
