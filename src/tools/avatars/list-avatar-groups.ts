import { z } from 'zod';
import { listGroups } from '../../catalog/avatars.js';
import { catalogCtx } from '../../catalog/context.js';
import { genderInput, ownershipInput, queryInput } from '../catalog-inputs.js';
import { GroupItem, groupSummary } from '../../catalog/shapes.js';
import { defineTool } from '../define.js';
import { pageInput, pageOutput, pageResult } from '../paging.js';

export default defineTool({
  name: 'list_avatar_groups',
  title: 'List avatar groups',
  description: 'Avatar characters by ownership, gender or name. Next: list_avatar_looks {group_id}.',
  toolset: 'avatars',
  kind: 'read',
  view: 'ui://heygen/picker.html',
  input: () => ({
    ownership: ownershipInput,
    gender: genderInput.optional(),
    query: queryInput,
    ...pageInput(),
  }),
  output: () => ({
    groups: z.array(GroupItem),
    ...pageOutput(),
  }),
  async handler(args, ctx) {
    const r = await listGroups(catalogCtx(ctx.deps, ctx.call), args);
    return { groups: r.items.map(groupSummary), ...pageResult(r) };
  },
});
