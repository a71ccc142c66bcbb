import { z } from 'zod';
import { defineTool } from '../define.js';
import { InputError } from '../errors.js';
import { httpsUrlOf, idOf } from '../assets/media-input.js';
import { createdAvatar, createdAvatarOutput } from './avatar-training.js';

export default defineTool({
  name: 'create_digital_twin',
  title: 'Create a digital twin',
  description: 'Train a digital-twin avatar from training footage (asset id or https URL). Spends HeyGen credits. Needs the filmed person\'s consent (start_avatar_consent).',
  toolset: 'avatars',
  kind: 'create',
  spendsCredits: true,
  hints: { recoverWith: 'list_avatar_groups', idsFrom: 'list_avatar_groups' },
  input: {
    name: z.string().trim().min(1).max(200).describe('Name of the new avatar.'),
    footage_asset_id: idOf('Asset id of the training video (from upload_asset).').optional(),
    footage_url: httpsUrlOf('Public https URL of the training video.').optional(),
    avatar_group_id: idOf('Attach the twin to this existing avatar group.').optional(),
  },
  output: createdAvatarOutput,
  async handler(args, ctx) {
    if ((args.footage_asset_id === undefined) === (args.footage_url === undefined)) {
      throw new InputError('footage_asset_id', 'give exactly one of footage_asset_id or footage_url');
    }
    const file = args.footage_asset_id
      ? { type: 'asset_id' as const, asset_id: args.footage_asset_id }
      : { type: 'url' as const, url: args.footage_url as string };
    const r = await ctx.heygen.avatars.create({
      type: 'digital_twin', name: args.name, file,
      ...(args.avatar_group_id ? { avatar_group_id: args.avatar_group_id } : {}),
    }, ctx.call);
    return createdAvatar(r, ctx, 'create_digital_twin');
  },
});
