import { z } from 'zod';
import { defineTool } from '../define.js';
import { InputError } from '../errors.js';
import { compact, httpsUrlOf, idOf } from '../assets/media-input.js';
import { avatarResourceUri, nextStep } from './avatar-training.js';

export default defineTool({
  name: 'start_avatar_consent',
  title: 'Start avatar consent',
  description: 'Get the consent page URL for a private avatar (send it to the person filmed), or submit a consent video (enterprise). Training waits for consent.',
  toolset: 'avatars',
  kind: 'update',
  hints: { idsFrom: 'list_avatar_groups' },
  input: {
    group_id: idOf('Avatar group id (from create_digital_twin or create_photo_avatar).'),
    reroute_url: httpsUrlOf('Where the consent page sends the person afterwards.').optional(),
    consent_text: z.string().trim().min(1).max(2000).regex(/^[^<>]*$/, 'must not contain < or >').optional().describe('Custom consent wording (enterprise only).'),
    consent_video_asset_id: idOf('Asset id of a recorded consent video (enterprise only).').optional(),
    consent_video_url: httpsUrlOf('https URL of a recorded consent video (enterprise only).').optional(),
  },
  output: {
    group_id: z.string(),
    consent_url: z.string().optional(),
    status: z.string().optional(),
    consent_status: z.string().optional(),
    next_step: z.string(),
  },
  async handler(args, ctx) {
    if (args.consent_video_asset_id && args.consent_video_url) throw new InputError('consent_video_url', 'give consent_video_asset_id or consent_video_url, not both');
    const video = args.consent_video_asset_id ? { type: 'asset_id' as const, asset_id: args.consent_video_asset_id }
      : args.consent_video_url ? { type: 'url' as const, url: args.consent_video_url } : undefined;
    if (video && (args.reroute_url || args.consent_text)) {
      throw new InputError(args.reroute_url ? 'reroute_url' : 'consent_text', 'cannot be combined with a consent video');
    }
    const r = await ctx.heygen.avatars.consent(args.group_id, compact({ reroute_url: args.reroute_url, consent_text: args.consent_text, consent_video: video }), ctx.call);
    const g = r.avatar_group;
    ctx.link(avatarResourceUri(args.group_id), `Avatar group ${args.group_id}`);
    const step = r.url
      ? `Send ${r.url} to the person in the footage; once they approve, training continues. Follow with wait_for_job {kind: "avatar_group", id: "${args.group_id}"}.`
      : nextStep({ id: args.group_id, status: g?.status, consent_status: g?.consent_status });
    return { group_id: g?.id ?? args.group_id, consent_url: r.url, status: g?.status, consent_status: g?.consent_status, next_step: step };
  },
});
