import { z } from 'zod';
import { defineTool } from '../define.js';
import { invalidateCatalog } from '../../catalog/context.js';
import { heygenId } from '../fields.js';

export default defineTool({
  name: 'delete_avatar_group',
  title: 'Delete avatar group',
  description: 'Delete one of your avatar groups and all its looks.',
  toolset: 'manage',
  kind: 'delete',
  hints: { idsFrom: 'list_avatar_groups' },
  input: () => ({ group_id: heygenId() }),
  output: () => ({ group_id: z.string(), deleted: z.boolean() }),
  async handler({ group_id }, { heygen, call, state }) {
    const r = await heygen.avatars.deleteGroup(group_id, call);
    invalidateCatalog(state, 'avatars');
    return { group_id: r.id, deleted: true };
  },
});
