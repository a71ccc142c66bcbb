import { z } from 'zod';
import { defineTool } from '../define.js';
import { idOf, mediaInput, mediaShape } from '../assets/media-input.js';
import { createdAvatar, createdAvatarOutput } from './avatar-training.js';

export default defineTool({
  name: 'create_photo_avatar',
  title: 'Create a photo avatar',
  description: 'Train a photo avatar from one photo (asset id, https URL or base64 PNG/JPEG). Spends HeyGen credits. Returns at once; follow with wait_for_job.',
  toolset: 'avatars',
  kind: 'create',
  spendsCredits: true,
  hints: { recoverWith: 'list_avatar_groups', idsFrom: 'list_avatar_groups' },
  input: {
    name: z.string().trim().min(1).max(200).describe('Name of the new avatar.'),
    ...mediaShape('image', 'photo'),
    avatar_group_id: idOf('Add the look to this existing avatar group instead of creating a new one.').optional(),
  },
  output: createdAvatarOutput,
  async handler(args, ctx) {
    const file = mediaInput(args, 'image', ['image/png', 'image/jpeg']);
    const r = await ctx.heygen.avatars.create({
      type: 'photo', name: args.name, file,
      ...(args.avatar_group_id ? { avatar_group_id: args.avatar_group_id } : {}),
    }, ctx.call);
    return createdAvatar(r, ctx, 'create_photo_avatar');
  },
});
