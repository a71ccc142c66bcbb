import { completeStyle, findStyle, styleJson, VISUAL_STYLES } from '../promptkit/styles.js';
import { notFound } from '../not-found.js';
import { defineResource, JSON_TYPE, template, variable, type ResourceDef } from './define.js';

const INDEX_URI = 'heygen://visual-styles';
const uriOf = (slug: string) => `${INDEX_URI}/${slug}`;
/** The styles are built into the package: they never change while the process runs. */
const FOREVER = () => 24 * 60 * 60_000;

/** The 20 named styles of the prompt method: an index and one resource per style. */
export const VISUAL_STYLE_RESOURCES: ResourceDef[] = [
  defineResource({
    name: 'visual-styles', uri: INDEX_URI, mimeType: JSON_TYPE, ttlMs: FOREVER,
    title: 'Visual styles for Video Agent prompts',
    description: 'The 20 named styles: designer, mood, best uses. Read heygen://visual-styles/{name} for the full spec.',
    read: async (uri) => ({
      contents: [{
        uri: uri.href,
        mimeType: JSON_TYPE,
        text: JSON.stringify({
          styles: VISUAL_STYLES.map((s) => ({ name: s.name, slug: s.slug, designer: s.designer, mood: s.mood, best_for: s.bestFor, energy: s.energy, uri: uriOf(s.slug) })),
          how_to_use: 'Choose by the feeling the viewer should have, then paste the style_block of the chosen style into the STYLE section of the prompt.',
        }),
      }],
    }),
  }),
  defineResource({
    name: 'visual-style', uri: template(`${INDEX_URI}/{name}`), mimeType: JSON_TYPE, ttlMs: FOREVER,
    title: 'Visual style spec',
    description: 'Palette (hex), typography, motion, transitions and what to avoid for one named style, plus the block to paste into STYLE.',
    list: () => VISUAL_STYLES.map((s) => ({ uri: uriOf(s.slug), name: s.name, title: `${s.name} (${s.designer})`, description: `${s.mood}. Best for ${s.bestFor.join(', ')}.`, mimeType: JSON_TYPE })),
    complete: { name: (value) => completeStyle(value, 'slug') },
    read: async (uri, vars) => {
      const name = variable(vars, 'name');
      const style = findStyle(name);
      if (!style) throw notFound({ resource: uri.href }, `No visual style is called that; ${INDEX_URI} lists the 20 names.`);
      return { contents: [{ uri: uri.href, mimeType: JSON_TYPE, text: JSON.stringify(styleJson(style)) }] };
    },
  }),
];
