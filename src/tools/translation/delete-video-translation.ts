import { z } from 'zod';
import { defineTool } from '../define.js';
import { heygenId } from '../fields.js';

export default defineTool({
  name: 'delete_video_translation',
  title: 'Delete translation',
  description: 'Delete a video translation and its files.',
  toolset: 'manage',
  kind: 'delete',
  hints: { idsFrom: 'list_video_translations' },
  input: () => ({ video_translation_id: heygenId() }),
  output: () => ({ video_translation_id: z.string(), deleted: z.boolean() }),
  async handler({ video_translation_id }, { heygen, call }) {
    const r = await heygen.translations.delete(video_translation_id, call);
    return { video_translation_id: r.id ?? video_translation_id, deleted: true };
  },
});
