import { z } from 'zod';
import { defineTool } from '../define.js';
import { idOf } from '../assets/media-input.js';

export default defineTool({
  name: 'delete_avatar_look',
  title: 'Delete an avatar look',
  description: 'Permanently delete one of your looks. Deleting the last look of a group deletes the group too.',
  toolset: 'avatars',
  kind: 'delete',
  hints: { idsFrom: 'list_avatar_looks' },
  input: { look_id: idOf('Look id to delete.') },
  output: { look_id: z.string(), deleted: z.boolean() },
  async handler({ look_id }, { heygen, call }) {
    const r = await heygen.avatars.deleteLook(look_id, call);
    return { look_id: r.id, deleted: true };
  },
});
