import { z } from 'zod';
import { defineTool } from '../define.js';
import { InputError } from '../../errors.js';
import { compact } from '../request-body.js';
import { heygenId, httpsUrl, text } from '../fields.js';
import { formerMediaNames, media } from '../media.js';
import { avatarResourceUri, nextStep } from './avatar-training.js';

export default defineTool({
  name: 'start_avatar_consent',
  title: 'Avatar consent',
  description: 'Get the consent URL to send the person filmed; training waits for it. Enterprise only: consent_text, consent_video.',
  toolset: 'avatars',
  kind: 'update',
  hints: { idsFrom: 'list_avatar_groups' },
  formerNames: formerMediaNames('consent_video', 'consent_video'),
  input: () => ({
    group_id: heygenId(),
    reroute_url: httpsUrl().optional().describe('Redirect after consent'),
    consent_text: text(2000).trim().regex(/^[^<>]*$/, 'must not contain < or >').optional(),
    consent_video: media().optional(),
  }),
  output: () => ({
    group_id: z.string(),
    consent_url: z.string().optional(),
    status: z.string().optional(),
    consent_status: z.string().optional(),
    next_step: z.string(),
  }),
  async handler(args, ctx) {
    const video = args.consent_video;
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
