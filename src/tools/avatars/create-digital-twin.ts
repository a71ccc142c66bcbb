import { defineTool } from '../define.js';
import { heygenId, text } from '../fields.js';
import { formerMediaNames, media } from '../media.js';
import { createdAvatar, createdAvatarOutput } from './avatar-training.js';

export default defineTool({
  name: 'create_digital_twin',
  title: 'Create digital twin',
  description: 'Train a digital twin from footage of one person; needs that person\'s consent (start_avatar_consent). Spends HeyGen credits.',
  toolset: 'avatars',
  kind: 'create',
  spendsCredits: true,
  task: 'starts-job',
  hints: { recoverWith: 'list_avatar_groups', idsFrom: 'list_avatar_groups' },
  // HeyGen's agent skills pass the footage as `file` (HeyGen's own field name).
  formerNames: formerMediaNames('footage', 'footage', ['file']),
  input: () => ({
    name: text(200).trim(),
    footage: media(),
    avatar_group_id: heygenId().optional().describe('add a look to this avatar'),
  }),
  output: () => createdAvatarOutput,
  async handler(args, ctx) {
    const r = await ctx.heygen.avatars.create({
      type: 'digital_twin', name: args.name, file: args.footage,
      ...(args.avatar_group_id ? { avatar_group_id: args.avatar_group_id } : {}),
    }, ctx.call);
    return createdAvatar(r, ctx, 'create_digital_twin');
  },
});
