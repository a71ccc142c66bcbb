import { z } from 'zod';
import { defineTool } from '../define.js';
import { heygenId, text } from '../fields.js';

export default defineTool({
  name: 'rename_video_translation',
  title: 'Rename translation',
  description: 'Change the title of a video translation.',
  toolset: 'manage',
  kind: 'update',
  hints: { idsFrom: 'list_video_translations' },
  input: () => ({ video_translation_id: heygenId(), title: text(255) }),
  output: () => ({ video_translation_id: z.string(), title: z.string().optional(), status: z.string() }),
  async handler(a, { heygen, call }) {
    const t = await heygen.translations.update(a.video_translation_id, { title: a.title }, call);
    return { video_translation_id: t.id, title: t.title, status: t.status };
  },
});
