import { z } from 'zod';
import { listLooks } from '../../catalog/avatars.js';
import { catalogCtx } from '../../catalog/context.js';
import { genderInput, ownershipInput, pagingInput, queryInput } from '../../catalog/inputs.js';
import { LookSummary, lookSummary } from '../../catalog/shapes.js';
import { defineTool } from '../define.js';

export default defineTool({
  name: 'list_avatar_looks',
  title: 'List avatar looks',
  description: 'Avatar looks (look_id = avatar_id for videos) by group, gender, orientation, engine or name. Then get_avatar_look: default voice, preview.',
  toolset: 'avatars',
  kind: 'read',
  hints: { idsFrom: 'list_avatar_groups' },
  input: {
    group_id: z.string().max(200).optional(),
    ownership: ownershipInput,
    gender: genderInput.optional(),
    orientation: z.enum(['landscape', 'portrait', 'square']).optional(),
    engine: z.enum(['avatar_iii', 'avatar_iv', 'avatar_v']).optional(),
    query: queryInput,
    ...pagingInput,
  },
  output: {
    looks: z.array(LookSummary),
    next_token: z.string().optional(),
    total: z.number().optional(),
  },
  async handler(args, ctx) {
    const r = await listLooks(catalogCtx(ctx.deps, ctx.call), args);
    return { looks: r.items.map(lookSummary), next_token: r.nextToken, total: r.total };
  },
});
