import { defineTool } from '../define.js';
import { InputError } from '../../errors.js';
import { mediaObject, toMediaRef } from '../fields.js';
import { heygenId, httpsUrl, text } from '../fields.js';
import { createdAvatar, createdAvatarOutput } from './avatar-training.js';

export default defineTool({
  name: 'create_digital_twin',
  title: 'Create digital twin',
  description: 'Train a digital twin from footage_asset_id, footage_url or a file object; needs the filmed person\'s consent (start_avatar_consent). Spends HeyGen credits.',
  toolset: 'avatars',
  kind: 'create',
  spendsCredits: true,
  task: 'starts-job',
  hints: { recoverWith: 'list_avatar_groups', idsFrom: 'list_avatar_groups' },
  input: () => ({
    name: text(200).trim(),
    footage_asset_id: heygenId().optional(),
    footage_url: httpsUrl().optional(),
    file: mediaObject().optional().describe('HeyGen form of the footage'),
    avatar_group_id: heygenId().optional().describe('add a look to this avatar'),
  }),
  output: () => createdAvatarOutput,
  async handler(args, ctx) {
    const given = [args.footage_asset_id, args.footage_url, args.file].filter((v) => v !== undefined).length;
    if (given !== 1) throw new InputError('footage_asset_id', 'give exactly one of footage_asset_id, footage_url or file');
    const file = args.file ? toMediaRef(args.file, 'file')
      : args.footage_asset_id ? { type: 'asset_id' as const, asset_id: args.footage_asset_id }
      : { type: 'url' as const, url: args.footage_url as string };
    const r = await ctx.heygen.avatars.create({
      type: 'digital_twin', name: args.name, file,
      ...(args.avatar_group_id ? { avatar_group_id: args.avatar_group_id } : {}),
    }, ctx.call);
    return createdAvatar(r, ctx, 'create_digital_twin');
  },
});
