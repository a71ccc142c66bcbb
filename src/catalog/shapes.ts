import { z } from 'zod';
import type { AvatarGroup, AvatarLook } from '../heygen/api/avatars.js';
import type { Voice } from '../heygen/api/voices.js';

/**
 * The compact projections lists hand out: ids, names and the few attributes an agent chooses
 * by. Details (tags, sizes, video previews) stay in the get_* tools.
 */
export const GroupSummary = z.object({
  group_id: z.string(),
  name: z.string().optional(),
  gender: z.string().optional(),
  looks_count: z.number().optional(),
  default_voice_id: z.string().optional(),
  preview_image_url: z.string().optional(),
  status: z.string().optional(),
});

export const LookSummary = z.object({
  look_id: z.string(),
  name: z.string().optional(),
  group_id: z.string().optional(),
  gender: z.string().optional(),
  orientation: z.string().optional(),
  engines: z.array(z.string()).optional(),
  default_voice_id: z.string().optional(),
  preview_image_url: z.string().optional(),
});

export const VoiceSummary = z.object({
  voice_id: z.string(),
  name: z.string().optional(),
  language: z.string().optional(),
  gender: z.string().optional(),
  type: z.string().optional(),
  preview_audio_url: z.string().optional(),
});

export type GroupSummary = z.input<typeof GroupSummary>;
export type LookSummary = z.input<typeof LookSummary>;
export type VoiceSummary = z.input<typeof VoiceSummary>;

export function groupSummary(g: AvatarGroup): GroupSummary {
  return {
    group_id: g.id, name: g.name, gender: g.gender, looks_count: g.looks_count,
    default_voice_id: g.default_voice_id, preview_image_url: g.preview_image_url, status: g.status,
  };
}

export function lookSummary(l: AvatarLook): LookSummary {
  return {
    look_id: l.id, name: l.name, group_id: l.group_id, gender: l.gender, orientation: l.preferred_orientation, engines: l.supported_api_engines, default_voice_id: l.default_voice_id,
    preview_image_url: l.preview_image_url,
  };
}

export function voiceSummary(v: Voice): VoiceSummary {
  return { voice_id: v.voice_id, name: v.name, language: v.language, gender: v.gender, type: v.type, preview_audio_url: v.preview_audio_url };
}

/**
 * What the list tools advertise per item: the attributes an agent chooses by, and the preview
 * (HeyGen's skills wait for a look's preview_image_url before using it). The wrapper
 * strips the fuller summaries above (which the resources serve) down to these; previews and
 * the rest come from the get_* tools.
 */
export const GroupItem = GroupSummary.pick({ group_id: true, name: true, gender: true, looks_count: true });
export const LookItem = LookSummary.pick({ look_id: true, name: true, group_id: true, gender: true, orientation: true, engines: true, default_voice_id: true, preview_image_url: true });
export const VoiceItem = VoiceSummary.pick({ voice_id: true, name: true, language: true, gender: true, preview_audio_url: true });
