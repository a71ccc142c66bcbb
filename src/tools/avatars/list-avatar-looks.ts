import { z } from 'zod';
import { listLooks } from '../../catalog/avatars.js';
import { catalogCtx } from '../../catalog/context.js';
import { genderInput, ownershipInput, queryInput } from '../catalog-inputs.js';
import { LookItem, lookSummary } from '../../catalog/shapes.js';
import { heygenId } from '../fields.js';
import { defineTool } from '../define.js';
import { pageInput, pageOutput, pageResult } from '../paging.js';

export default defineTool({
  name: 'list_avatar_looks',
  title: 'List avatar looks',
  description: 'Looks (look_id = avatar_id) by group, type, gender, orientation, engine or name; a look is ready once it has a preview_image_url.',
  toolset: 'avatars',
  kind: 'read',
  view: 'ui://heygen/picker.html',
  hints: { idsFrom: 'list_avatar_groups' },
  input: () => ({
    group_id: heygenId().optional(),
    avatar_type: z.enum(['studio_avatar', 'digital_twin', 'photo_avatar']).optional(),
    ownership: ownershipInput,
    gender: genderInput.optional(),
    orientation: z.enum(['landscape', 'portrait', 'square']).optional(),
    engine: z.enum(['avatar_iii', 'avatar_iv', 'avatar_v']).optional(),
    query: queryInput,
    ...pageInput(),
  }),
  output: () => ({
    looks: z.array(LookItem),
    ...pageOutput(),
  }),
  async handler(args, ctx) {
    const r = await listLooks(catalogCtx(ctx.deps, ctx.call), args);
    return { looks: r.items.map(lookSummary), ...pageResult(r) };
  },
});
