import { z } from 'zod';
import { getGroup } from '../../catalog/avatars.js';
import { catalogCtx } from '../../catalog/context.js';
import { heygenId } from '../fields.js';
import { defineTool } from '../define.js';

export default defineTool({
  name: 'get_avatar_group',
  title: 'Get avatar group',
  description: 'One avatar group: default voice, preview, training status.',
  toolset: 'avatars',
  kind: 'read',
  hints: { idsFrom: 'list_avatar_groups' },
  input: () => ({ group_id: heygenId() }),
  output: () => ({
    group_id: z.string(),
    name: z.string().optional(),
    looks_count: z.number().optional(),
    default_voice_id: z.string().optional(),
    preview_image_url: z.string().optional(),
    status: z.string().optional(),
    consent_status: z.string().optional(),
    error: z.string().optional(),
  }),
  async handler({ group_id }, ctx) {
    const g = await getGroup(catalogCtx(ctx.deps, ctx.call), group_id);
    ctx.note(`Its looks: list_avatar_looks {"group_id":"${g.id}"}.`);
    return {
      group_id: g.id, name: g.name, looks_count: g.looks_count, default_voice_id: g.default_voice_id,
      preview_image_url: g.preview_image_url,
      status: g.status, consent_status: g.consent_status, error: g.error?.message,
    };
  },
});
