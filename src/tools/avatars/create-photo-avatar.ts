import { defineTool } from '../define.js';
import { mediaInput, mediaShape } from '../assets/media-input.js';
import { heygenId, text } from '../fields.js';
import { createdAvatar, createdAvatarOutput } from './avatar-training.js';

export default defineTool({
  name: 'create_photo_avatar',
  title: 'Create photo avatar',
  description: 'Train a photo avatar from one PNG/JPEG (image_asset_id, _url or _base64), then wait_for_job. Spends HeyGen credits.',
  toolset: 'avatars',
  kind: 'create',
  spendsCredits: true,
  task: 'starts-job',
  hints: { recoverWith: 'list_avatar_groups', idsFrom: 'list_avatar_groups' },
  input: {
    name: text(200).trim(),
    ...mediaShape('image'),
    avatar_group_id: heygenId().optional(),
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
