import { z } from 'zod';
import { defineTool } from '../define.js';
import { idOf } from '../assets/media-input.js';

export default defineTool({
  name: 'delete_avatar_group',
  title: 'Delete an avatar group',
  description: 'Permanently delete one of your avatar groups and every look in it. Public avatars cannot be deleted.',
  toolset: 'avatars',
  kind: 'delete',
  hints: { idsFrom: 'list_avatar_groups' },
  input: { group_id: idOf('Avatar group id to delete.') },
  output: { group_id: z.string(), deleted: z.boolean() },
  async handler({ group_id }, { heygen, call }) {
    const r = await heygen.avatars.deleteGroup(group_id, call);
    return { group_id: r.id, deleted: true };
  },
});
