import { z } from 'zod';
import type { AvatarVideoBody, Engine } from '../../heygen/api/videos.js';
import { defineTool } from '../define.js';
import { InputError } from '../../errors.js';
import { heygenId } from '../fields.js';
import { videoStarted } from './created.js';
import { renderFields, renderInput } from './render-options.js';
import { createdOutput, pick, speechInput, speechOf } from './shared-inputs.js';

export default defineTool({
  name: 'create_avatar_video',
  title: 'Create avatar video',
  description: 'Render an avatar speaking a script (default: its own voice) or lip-syncing audio. Spends HeyGen credits.',
  toolset: 'videos',
  kind: 'create',
  spendsCredits: true,
  task: 'starts-job',
  hints: { recoverWith: 'list_videos', idsFrom: 'list_avatar_looks' },
  input: () => ({
    avatar_id: heygenId(),
    ...speechInput,
    engine: z.enum(['avatar_iv', 'avatar_v', 'avatar_iii']).optional(),
    reference_look_id: heygenId().optional(),
    ...renderInput,
  }),
  output: () => createdOutput,
  async handler(a, ctx) {
    if (a.reference_look_id && a.engine !== 'avatar_v') throw new InputError('reference_look_id', 'only used with engine avatar_v');
    if (a.expressiveness && (a.engine === 'avatar_v' || a.engine === 'avatar_iii')) throw new InputError('expressiveness', `not supported with engine ${a.engine}`);
    if (a.motion_prompt && a.engine === 'avatar_iii') throw new InputError('motion_prompt', 'not supported with engine avatar_iii');
    const engine: Engine | undefined = !a.engine ? undefined
      : a.engine === 'avatar_v' ? { type: 'avatar_v', ...pick(a, ['reference_look_id']) } : { type: a.engine };
    const body: AvatarVideoBody = {
      type: 'avatar',
      avatar_id: a.avatar_id,
      ...speechOf(a),
      ...renderFields(a),
      ...(engine ? { engine } : {}),
    };
    return videoStarted(ctx, 'create_avatar_video', await ctx.heygen.videos.create(body, ctx.call));
  },
});
