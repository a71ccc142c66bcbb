import { z } from 'zod';
import { seg, type CallOptions, type HeyGenHttp, type Page } from '../http.js';
import { pageQuery, type PageParams } from '../pagination.js';
import type { AssetInput } from './media.js';

/** GET /v3/avatars and /v3/avatars/looks accept at most 50 items per page. */
export const AVATAR_PAGE_MAX = 50;

const failure = z.object({ code: z.string().optional(), message: z.string().optional() });

export const AvatarGroup = z.object({
  id: z.string(),
  name: z.string().optional(),
  gender: z.string().optional(),
  created_at: z.number().optional(),
  default_voice_id: z.string().optional(),
  looks_count: z.number().optional(),
  preview_image_url: z.string().optional(),
  preview_video_url: z.string().optional(),
  // Only private groups carry a training status; public presets have none.
  status: z.string().optional(),
  consent_status: z.string().optional(),
  error: failure.optional(),
});
export type AvatarGroup = z.output<typeof AvatarGroup>;

/** A look: its `id` is the `avatar_id` that POST /v3/videos takes. */
export const AvatarLook = z.object({
  id: z.string(),
  name: z.string().optional(),
  avatar_type: z.string().optional(),
  group_id: z.string().optional(),
  gender: z.string().optional(),
  default_voice_id: z.string().optional(),
  preferred_orientation: z.string().optional(),
  image_width: z.number().optional(),
  image_height: z.number().optional(),
  preview_image_url: z.string().optional(),
  preview_video_url: z.string().optional(),
  supported_api_engines: z.array(z.string()).optional(),
  tags: z.array(z.string()).optional(),
  status: z.string().optional(),
  error: failure.optional(),
});
export type AvatarLook = z.output<typeof AvatarLook>;

export type AvatarOwnership = 'public' | 'private';
export type AvatarType = 'studio_avatar' | 'digital_twin' | 'photo_avatar';

export interface ListGroupsParams extends PageParams {
  ownership?: AvatarOwnership | undefined;
}

export interface ListLooksParams extends PageParams {
  group_id?: string | undefined;
  avatar_type?: AvatarType | undefined;
  ownership?: AvatarOwnership | undefined;
}

export class AvatarsApi {
  constructor(private readonly http: HeyGenHttp) {}

  // ── Reads ──────────────────────────────────────────────────────────────

  /** GET /v3/avatars — avatar groups (characters), filterable by ownership. */
  listGroups(params: ListGroupsParams = {}, opts?: CallOptions): Promise<Page<AvatarGroup>> {
    return this.http.page({ method: 'GET', path: '/v3/avatars', query: { ownership: params.ownership, ...pageQuery(params, AVATAR_PAGE_MAX) } }, AvatarGroup, opts);
  }

  /** GET /v3/avatars/{group_id} — one group with its preview and training status. */
  getGroup(groupId: string, opts?: CallOptions): Promise<AvatarGroup> {
    return this.http.data({ method: 'GET', path: `/v3/avatars/${seg(groupId)}` }, AvatarGroup, opts);
  }

  /** GET /v3/avatars/looks — looks, filterable by group, avatar type and ownership. */
  listLooks(params: ListLooksParams = {}, opts?: CallOptions): Promise<Page<AvatarLook>> {
    return this.http.page({ method: 'GET', path: '/v3/avatars/looks', query: { group_id: params.group_id, avatar_type: params.avatar_type, ownership: params.ownership, ...pageQuery(params, AVATAR_PAGE_MAX) } }, AvatarLook, opts);
  }

  /** GET /v3/avatars/looks/{look_id} — engines, orientation, default voice, previews. */
  getLook(lookId: string, opts?: CallOptions): Promise<AvatarLook> {
    return this.http.data({ method: 'GET', path: `/v3/avatars/looks/${seg(lookId)}` }, AvatarLook, opts);
  }

  // ── Writes ─────────────────────────────────────────────────────────────

  /** POST /v3/avatars — starts training a prompt, photo or digital-twin avatar (spends credits). */
  create(body: CreateAvatarBody, opts?: CallOptions): Promise<CreatedAvatar> {
    return this.http.data({ method: 'POST', path: '/v3/avatars', body }, CreatedAvatar, opts);
  }

  /** POST /v3/avatars/{group_id}/consent — consent page URL, or a submitted consent video. */
  consent(groupId: string, body: AvatarConsentBody, opts?: CallOptions): Promise<AvatarConsent> {
    return this.http.data({ method: 'POST', path: `/v3/avatars/${seg(groupId)}/consent`, body }, AvatarConsent, opts);
  }

  /** PATCH /v3/avatars/looks/{look_id} — renames a photo or digital-twin look. */
  updateLook(lookId: string, body: { name: string }, opts?: CallOptions): Promise<AvatarLook> {
    return this.http.data({ method: 'PATCH', path: `/v3/avatars/looks/${seg(lookId)}`, body }, AvatarLook, opts);
  }

  /** DELETE /v3/avatars/{group_id} — removes the group and every look in it. */
  async deleteGroup(groupId: string, opts?: CallOptions): Promise<{ id: string }> {
    const r = await this.http.data({ method: 'DELETE', path: `/v3/avatars/${seg(groupId)}` }, DeletedId, opts);
    return { id: r.id ?? groupId };
  }

  /** DELETE /v3/avatars/looks/{look_id} — the last look of a group takes the group with it. */
  async deleteLook(lookId: string, opts?: CallOptions): Promise<{ id: string }> {
    const r = await this.http.data({ method: 'DELETE', path: `/v3/avatars/looks/${seg(lookId)}` }, DeletedId, opts);
    return { id: r.id ?? lookId };
  }
}

export type CreateAvatarBody =
  | { type: 'prompt'; name: string; prompt: string; avatar_group_id?: string | undefined; avatar_id?: string | undefined; reference_images?: AssetInput[] | undefined }
  | { type: 'photo'; name: string; file: AssetInput; avatar_group_id?: string | undefined }
  | { type: 'digital_twin'; name: string; file: AssetInput; avatar_group_id?: string | undefined };

export const CreatedAvatar = z.object({ avatar_group: AvatarGroup.optional(), avatar_item: AvatarLook.optional() });
export type CreatedAvatar = z.output<typeof CreatedAvatar>;

export interface AvatarConsentBody {
  reroute_url?: string | undefined;
  consent_text?: string | undefined;
  consent_video?: AssetInput | undefined;
}

export const AvatarConsent = z.object({ avatar_group: AvatarGroup.optional(), url: z.string().optional() });
export type AvatarConsent = z.output<typeof AvatarConsent>;

const DeletedId = z.object({ id: z.string().optional() });
