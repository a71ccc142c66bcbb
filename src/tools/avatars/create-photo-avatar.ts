import { defineTool } from '../define.js';
import { heygenId, text } from '../fields.js';
import { formerMediaNames, IMAGE, media } from '../media.js';
import { createdAvatar, createdAvatarOutput } from './avatar-training.js';

export default defineTool({
  name: 'create_photo_avatar',
  title: 'Create photo avatar',
  description: 'Train a photo avatar from one PNG/JPEG photo (image), then wait_for_job. Spends HeyGen credits.',
  toolset: 'avatars',
  kind: 'create',
  spendsCredits: true,
  task: 'starts-job',
  hints: { recoverWith: 'list_avatar_groups', idsFrom: 'list_avatar_groups' },
  // HeyGen's agent skills pass the photo as `file` (HeyGen's own field name).
  formerNames: formerMediaNames('image', 'image', ['file']),
  input: () => ({
    name: text(200).trim(),
    image: media({ inline: IMAGE }),
    avatar_group_id: heygenId().optional().describe('add a look to this avatar'),
  }),
  output: () => createdAvatarOutput,
  async handler(args, ctx) {
    const r = await ctx.heygen.avatars.create({
      type: 'photo', name: args.name, file: args.image,
      ...(args.avatar_group_id ? { avatar_group_id: args.avatar_group_id } : {}),
    }, ctx.call);
    return createdAvatar(r, ctx, 'create_photo_avatar');
  },
});
