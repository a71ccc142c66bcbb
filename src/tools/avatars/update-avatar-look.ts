import { z } from 'zod';
import { invalidateCatalog } from '../../catalog/context.js';
import { defineTool } from '../define.js';
import { heygenId, text } from '../fields.js';

export default defineTool({
  name: 'update_avatar_look',
  title: 'Rename look',
  description: 'Rename one of your own looks.',
  toolset: 'manage',
  kind: 'update',
  hints: { idsFrom: 'list_avatar_looks' },
  input: () => ({
    look_id: heygenId(),
    name: text(200).trim(),
  }),
  output: () => ({ look_id: z.string(), name: z.string().optional() }),
  async handler({ look_id, name }, { heygen, call, state }) {
    const l = await heygen.avatars.updateLook(look_id, { name }, call);
    invalidateCatalog(state, 'avatars');
    return { look_id: l.id, name: l.name };
  },
});
