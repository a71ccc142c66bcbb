import { z } from 'zod';
import { defineTool } from '../define.js';
import { invalidateCatalog } from '../../catalog/context.js';
import { heygenId } from '../fields.js';

export default defineTool({
  name: 'delete_avatar_look',
  title: 'Delete avatar look',
  description: 'Delete one of your looks; the last one takes its group along.',
  toolset: 'manage',
  kind: 'delete',
  hints: { idsFrom: 'list_avatar_looks' },
  input: () => ({ look_id: heygenId() }),
  output: () => ({ look_id: z.string(), deleted: z.boolean() }),
  async handler({ look_id }, { heygen, call, state }) {
    const r = await heygen.avatars.deleteLook(look_id, call);
    invalidateCatalog(state, 'avatars');
    return { look_id: r.id, deleted: true };
  },
});
