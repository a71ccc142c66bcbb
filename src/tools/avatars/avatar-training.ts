import { z } from 'zod';
import type { AvatarGroup, CreatedAvatar } from '../../heygen/api/avatars.js';
import { invalidateCatalog } from '../../catalog/context.js';
import type { ToolContext } from '../define.js';

/** Output of the avatar create tools: the ids used next and where training stands. */
export const createdAvatarOutput = {
  group_id: z.string(),
  look_id: z.string().optional(),
  status: z.string().optional(),
  error: z.string().optional(),
  next_step: z.string(),
};

export function avatarResourceUri(groupId: string): string {
  return `heygen://avatars/${encodeURIComponent(groupId)}`;
}

/** Says in one sentence what the user or agent must do next for a group in this state. */
export function nextStep(group: Pick<AvatarGroup, 'id' | 'status' | 'consent_status'>, lookId?: string): string {
  const use = lookId ? `use look_id ${lookId} as avatar_id in create_avatar_video` : 'list its looks with list_avatar_looks';
  switch (group.status) {
    case 'pending_consent':
      return `Consent required before training: call start_avatar_consent with group_id ${group.id} and send the consent_url to the person in the footage; training starts once they approve.`;
    case 'failed':
      return 'Training failed; fix the input (a clear, well-lit, front-facing subject) and create the avatar again.';
    case 'completed':
      return `Ready: ${use}.`;
    default:
      return `Training: follow it with wait_for_job {kind: "avatar_group", id: "${group.id}"}; when it completes, ${use}.`;
  }
}

/** Shapes a POST /v3/avatars answer and records the training job for this key. */
export async function createdAvatar(r: CreatedAvatar, ctx: ToolContext, tool: string): Promise<z.input<z.ZodObject<typeof createdAvatarOutput>>> {
  const g = r.avatar_group;
  const look = r.avatar_item;
  const groupId = g?.id ?? look?.group_id ?? '';
  const group = { id: groupId, status: g?.status ?? look?.status, consent_status: g?.consent_status };
  if (groupId) {
    await ctx.state.jobs.record({ kind: 'avatar_group', id: groupId, tool, createdAt: Date.now() });
    ctx.link(avatarResourceUri(groupId), `Avatar group ${groupId}`, 'Training status of the new avatar');
  }
  // The new group and look must show up in the next list, not a cached page without them.
  invalidateCatalog(ctx.state, 'avatars');
  const error = g?.error ?? look?.error;
  return {
    group_id: groupId,
    look_id: look?.id,
    status: group.status,
    error: error ? [error.code, error.message].filter(Boolean).join(': ') : undefined,
    next_step: nextStep(group, look?.id),
  };
}
