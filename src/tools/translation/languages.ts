import type { ToolContext } from '../define.js';
import { InputError } from '../../errors.js';

/**
 * Checks target languages against HeyGen's list before anything is spent, so a typo costs a
 * cached GET instead of a rejected (or partly charged) create. If the list cannot be read,
 * HeyGen's own validation still applies.
 */
export async function checkLanguages(langs: string[], ctx: ToolContext): Promise<void> {
  const dupe = langs.findIndex((l, i) => langs.indexOf(l) !== i);
  if (dupe >= 0) throw new InputError(`output_languages[${dupe}]`, `'${langs[dupe]}' is listed twice; each language is charged once per entry`);
  let known: string[];
  try {
    known = await ctx.state.cache.getOrLoad('translation:languages', 60 * 60_000, () => ctx.heygen.translations.languages({ signal: ctx.signal }));
  } catch {
    return;
  }
  const set = new Set(known);
  langs.forEach((lang, i) => {
    if (set.has(lang)) return;
    const word = lang.toLowerCase().split(/[\s(]/)[0] ?? '';
    const close = known.filter((k) => word && k.toLowerCase().includes(word)).slice(0, 5);
    throw new InputError(`output_languages[${i}]`, `'${lang}' is not a HeyGen translation language${close.length ? `; did you mean ${close.map((c) => `"${c}"`).join(', ')}?` : ''} See list_video_translation_languages.`);
  });
}
