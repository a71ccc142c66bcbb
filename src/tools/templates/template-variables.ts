import type { Template, TemplateGenerateBody } from '../../heygen/api/templates.js';
import { InputError } from '../../errors.js';
import { mediaOf } from '../media.js';

const MEDIA = new Set(['image', 'video', 'audio']);

/** The property a bare string fills for each variable type. */
function fromString(type: string, value: string, field: string): Record<string, unknown> {
  if (type === 'text') return { content: value };
  if (MEDIA.has(type)) {
    // A media variable is a media input like any other: an https URL or an asset id.
    const m = mediaOf(value, field);
    return m.type === 'url' ? { url: m.url } : { asset_id: m.asset_id };
  }
  if (type === 'avatar' || type === 'character') return { avatar_id: value };
  if (type === 'voice') return { voice_id: value };
  throw new InputError(field, `variables of type ${type} need {properties:{...}}`);
}

function checkProperties(type: string, p: Record<string, unknown>, field: string): void {
  const bad = (k: string, what: string) => { throw new InputError(`${field}.properties.${k}`, what); };
  if (type === 'text' && typeof p.content !== 'string') bad('content', 'text variables need a string content');
  if (MEDIA.has(type)) {
    const url = p.url ?? undefined;
    const asset = p.asset_id ?? undefined;
    if ((url === undefined) === (asset === undefined)) bad('url', `${type} variables need exactly one of url, asset_id`);
    if (url !== undefined && mediaOf(url, `${field}.properties.url`).type !== 'url') bad('url', 'must be an https:// URL');
    if (asset !== undefined && mediaOf(asset, `${field}.properties.asset_id`).type !== 'asset_id') bad('asset_id', 'must be an asset id');
  }
  if ((type === 'avatar' || type === 'character') && (typeof p.avatar_id !== 'string' || p.avatar_id === '')) bad('avatar_id', 'needs an avatar look id');
  if (type === 'voice' && (typeof p.voice_id !== 'string' || p.voice_id === '')) bad('voice_id', 'needs a voice id');
}

/**
 * Checks the caller's values against the template fetched just before: unknown names and wrong
 * types are refused here, so a paid render is never started with a variable HeyGen would ignore.
 */
export function buildVariables(t: Template, given: Record<string, string>): TemplateGenerateBody['variables'] {
  const defs = t.variables ?? {};
  const known = Object.keys(defs);
  const out: TemplateGenerateBody['variables'] = {};
  for (const [name, value] of Object.entries(given)) {
    const field = `variables.${name}`;
    const def = Object.hasOwn(defs, name) ? defs[name] : undefined;
    if (!def) throw new InputError(field, `template ${t.id} has no such variable (it has: ${known.join(', ') || 'none'})`);
    const type = def.type ?? 'text';
    let properties: Record<string, unknown>;
    const json = value.trimStart().startsWith('{') ? parseJson(value, field) : undefined;
    if (!json) properties = fromString(type, value, field);
    else {
      // Either the properties themselves, or {type, properties} as HeyGen spells a variable.
      const wrapped = isObject(json.properties) ? json : undefined;
      if (wrapped && wrapped.type !== undefined && wrapped.type !== type) throw new InputError(`${field}.type`, `this variable is of type ${type}, not ${String(wrapped.type)}`);
      properties = wrapped ? wrapped.properties as Record<string, unknown> : json;
    }
    // Drop absent members so "url" and a default "asset_id: null" never travel together.
    properties = Object.fromEntries(Object.entries(properties).filter(([, v]) => v !== undefined && v !== null));
    checkProperties(type, properties, field);
    out[name] = { name, type, properties };
  }
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseJson(v: string, field: string): Record<string, unknown> {
  let parsed: unknown;
  try { parsed = JSON.parse(v); } catch { throw new InputError(field, 'starts with { but is not valid JSON'); }
  if (!isObject(parsed)) throw new InputError(field, 'JSON must be an object of properties');
  return parsed;
}
