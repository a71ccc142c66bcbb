import { defineTool } from '../define.js';
import { fileObject, mediaInput, mediaShape, withFileObject } from '../assets/media-input.js';
import { heygenId, text } from '../fields.js';
import { createdAvatar, createdAvatarOutput } from './avatar-training.js';

export default defineTool({
  name: 'create_photo_avatar',
  title: 'Create photo avatar',
  description: 'Train a photo avatar from one PNG/JPEG (image_asset_id, _url, _base64 or a file object), then wait_for_job. Spends HeyGen credits.',
  toolset: 'avatars',
  kind: 'create',
  spendsCredits: true,
  task: 'starts-job',
  hints: { recoverWith: 'list_avatar_groups', idsFrom: 'list_avatar_groups' },
  input: () => ({
    name: text(200).trim(),
    ...mediaShape('image'),
    file: fileObject().optional().describe('HeyGen form of the image'),
    avatar_group_id: heygenId().optional().describe('add a look to this avatar'),
  }),
  output: () => createdAvatarOutput,
  async handler(args, ctx) {
    const file = mediaInput(withFileObject(args, 'image', args.file), 'image', ['image/png', 'image/jpeg']);
    const r = await ctx.heygen.avatars.create({
      type: 'photo', name: args.name, file,
      ...(args.avatar_group_id ? { avatar_group_id: args.avatar_group_id } : {}),
    }, ctx.call);
    return createdAvatar(r, ctx, 'create_photo_avatar');
  },
});
