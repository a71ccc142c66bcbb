import { z } from 'zod';
import { listLooks } from '../../catalog/avatars.js';
import { catalogCtx } from '../../catalog/context.js';
import { catalogId, genderInput, ownershipInput, pagingInput, queryInput } from '../../catalog/inputs.js';
import { LookSummary, lookSummary } from '../../catalog/shapes.js';
import { defineTool } from '../define.js';

export default defineTool({
  name: 'list_avatar_looks',
  title: 'List avatar looks',
  description: 'List avatar looks; a look_id is the avatar_id for videos. Filter by group, gender, orientation, engine, name. Next: get_avatar_look for its default voice and preview.',
  toolset: 'avatars',
  kind: 'read',
  hints: { idsFrom: 'list_avatar_groups' },
  input: {
    group_id: catalogId('group').optional(),
    avatar_type: z.enum(['studio_avatar', 'digital_twin', 'photo_avatar']).optional(),
    ownership: ownershipInput,
    gender: genderInput.optional(),
    orientation: z.enum(['landscape', 'portrait', 'square']).optional(),
    engine: z.enum(['avatar_iii', 'avatar_iv', 'avatar_v']).optional().describe('Only looks this video engine supports.'),
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
