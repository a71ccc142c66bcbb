import { z } from 'zod';
import { defineTool } from '../define.js';
import { idOf } from '../assets/media-input.js';

export default defineTool({
  name: 'update_avatar_look',
  title: 'Rename an avatar look',
  description: 'Rename one of your photo-avatar or digital-twin looks. Public and studio looks cannot be changed.',
  toolset: 'avatars',
  kind: 'update',
  hints: { idsFrom: 'list_avatar_looks' },
  input: {
    look_id: idOf('Look id (the avatar_id used in videos).'),
    name: z.string().trim().min(1).max(200).describe('New display name.'),
  },
  output: { look_id: z.string(), name: z.string().optional(), group_id: z.string().optional() },
  async handler({ look_id, name }, { heygen, call }) {
    const l = await heygen.avatars.updateLook(look_id, { name }, call);
    return { look_id: l.id, name: l.name, group_id: l.group_id };
  },
});
