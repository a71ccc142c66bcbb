import { z } from 'zod';
import type { GroupRec, LookRec } from '../catalog.js';
import { ApiError, badParam, notFound } from '../errors.js';
import { ok, page, type Ctx, type RouteDef } from '../http-server.js';
import { DURATIONS, FAILURES, newId } from '../jobs.js';
import { enumParam, exclusive, mediaInput, nonEmpty, opt, paginate, parseBody, str } from '../validate.js';
import { avatarStatus, checkMedia, findGroup, findLook } from './common.js';

const createBody = z.discriminatedUnion('type', [
  z.object({ type: z.literal('prompt'), name: nonEmpty, prompt: z.string().min(1).max(1000), avatar_group_id: opt(str), avatar_id: opt(str), reference_images: opt(z.array(mediaInput).max(3)) }),
  z.object({ type: z.literal('photo'), name: nonEmpty, file: mediaInput, avatar_group_id: opt(str) }),
  z.object({ type: z.literal('digital_twin'), name: nonEmpty, file: mediaInput, avatar_group_id: opt(str) }),
]);
const consentBody = z.object({ consent_text: opt(z.string().max(2000)), consent_video: opt(mediaInput), reroute_url: opt(str) });
const lookUpdate = z.object({ name: opt(z.string().min(1).max(200)) });

function groupView(ctx: Ctx, g: GroupRec): Record<string, unknown> {
  const t = ctx.state.training.get(g.id);
  const status = t ? avatarStatus(ctx.core, t, g.id) : g.ownership === 'private' ? 'completed' : null;
  const first = g.lookIds[0];
  return {
    id: g.id, name: g.name, gender: g.gender, created_at: g.created_at, default_voice_id: g.default_voice_id,
    looks_count: g.lookIds.length,
    preview_image_url: first ? ctx.core.fileUrl(first, 'preview.jpg') : null,
    preview_video_url: first ? ctx.core.fileUrl(first, 'sample.mp4') : null,
    status,
    consent_status: t?.needsConsent ? (t.consentMs === null ? 'pending' : 'approved') : null,
    error: status === 'failed' ? { code: (FAILURES['avatar'] as string[])[0], message: (FAILURES['avatar'] as string[])[1] } : null,
  };
}

function lookView(ctx: Ctx, l: LookRec): Record<string, unknown> {
  const t = ctx.state.training.get(l.group_id);
  const status = t ? avatarStatus(ctx.core, t, l.group_id) : l.ownership === 'private' ? 'completed' : null;
  return {
    id: l.id, name: l.name, avatar_type: l.avatar_type, group_id: l.group_id, gender: l.gender,
    default_voice_id: l.default_voice_id, preferred_orientation: l.preferred_orientation,
    image_width: l.image_width, image_height: l.image_height,
    preview_image_url: ctx.core.fileUrl(l.id, 'preview.jpg'),
    preview_video_url: ctx.core.fileUrl(l.id, l.preferred_orientation === 'portrait' ? 'sample-portrait.mp4' : 'sample.mp4'),
    supported_api_engines: l.supported_api_engines, tags: l.tags, status,
    error: status === 'failed' ? { code: (FAILURES['avatar'] as string[])[0], message: (FAILURES['avatar'] as string[])[1] } : null,
  };
}

function allGroups(ctx: Ctx, ownership?: 'public' | 'private'): GroupRec[] {
  const pub = ownership === 'private' ? [] : ctx.core.catalog.groups;
  const priv = ownership === 'public' ? [] : [...ctx.state.groups.values()].reverse();
  return [...priv, ...pub];
}

function requireOwnGroup(ctx: Ctx, id: string): GroupRec {
  const g = findGroup(ctx, id);
  if (!g) throw notFound('avatar_not_found', 'Avatar group', id);
  if (g.ownership === 'public') throw new ApiError(403, 'forbidden', 'Public avatar groups cannot be changed');
  return g;
}

export const avatarRoutes: RouteDef[] = [
  {
    method: 'GET', path: '/v3/avatars', handler: (ctx) => {
      const ownership = enumParam(ctx.query, 'ownership', ['public', 'private'] as const);
      const p = paginate(allGroups(ctx, ownership), ctx.query, `groups|${ownership ?? ''}`, { max: 50, def: 20 });
      return page({ ...p, data: p.data.map((g) => groupView(ctx, g)) });
    },
  },
  {
    method: 'GET', path: '/v3/avatars/looks', handler: (ctx) => {
      const ownership = enumParam(ctx.query, 'ownership', ['public', 'private'] as const);
      const type = enumParam(ctx.query, 'avatar_type', ['studio_avatar', 'digital_twin', 'photo_avatar'] as const);
      const groupId = ctx.query['group_id'];
      if (groupId && !findGroup(ctx, groupId)) throw new ApiError(404, 'avatar_not_found', `Avatar group '${groupId}' was not found`, 'group_id');
      const looks = allGroups(ctx, ownership)
        .filter((g) => !groupId || g.id === groupId)
        .flatMap((g) => g.lookIds.map((id) => findLook(ctx, id)).filter((l): l is LookRec => !!l))
        .filter((l) => !type || l.avatar_type === type);
      const p = paginate(looks, ctx.query, `looks|${ownership ?? ''}|${type ?? ''}|${groupId ?? ''}`, { max: 50, def: 20 });
      return page({ ...p, data: p.data.map((l) => lookView(ctx, l)) });
    },
  },
  {
    method: 'GET', path: '/v3/avatars/looks/{look_id}', handler: (ctx) => {
      const l = findLook(ctx, ctx.params['look_id'] ?? '');
      if (!l) throw notFound('avatar_not_found', 'Avatar look', ctx.params['look_id'] ?? '');
      return ok(lookView(ctx, l));
    },
  },
  {
    method: 'PATCH', path: '/v3/avatars/looks/{look_id}', handler: (ctx) => {
      const id = ctx.params['look_id'] ?? '';
      const l = findLook(ctx, id);
      if (!l) throw notFound('avatar_not_found', 'Avatar look', id);
      const b = parseBody(lookUpdate, ctx.body);
      if (l.ownership === 'public' || l.avatar_type === 'studio_avatar') throw new ApiError(403, 'forbidden', 'Only photo avatar and digital twin looks can be renamed');
      if (b.name) l.name = b.name;
      return ok(lookView(ctx, l));
    },
  },
  {
    method: 'DELETE', path: '/v3/avatars/looks/{look_id}', handler: (ctx) => {
      const id = ctx.params['look_id'] ?? '';
      const l = findLook(ctx, id);
      if (!l) throw notFound('avatar_not_found', 'Avatar look', id);
      if (l.ownership === 'public' || l.avatar_type === 'studio_avatar') throw new ApiError(403, 'forbidden', 'Studio avatar looks cannot be deleted through the API');
      ctx.state.looks.delete(id);
      const g = ctx.state.groups.get(l.group_id);
      if (g) {
        g.lookIds = g.lookIds.filter((x) => x !== id);
        if (g.lookIds.length === 0) ctx.state.groups.delete(g.id);
      }
      return ok({ id });
    },
  },
  {
    method: 'GET', path: '/v3/avatars/{group_id}', handler: (ctx) => {
      const g = findGroup(ctx, ctx.params['group_id'] ?? '');
      if (!g) throw notFound('avatar_not_found', 'Avatar group', ctx.params['group_id'] ?? '');
      return ok(groupView(ctx, g));
    },
  },
  {
    method: 'DELETE', path: '/v3/avatars/{group_id}', handler: (ctx) => {
      const g = requireOwnGroup(ctx, ctx.params['group_id'] ?? '');
      for (const id of g.lookIds) ctx.state.looks.delete(id);
      ctx.state.groups.delete(g.id);
      ctx.state.training.delete(g.id);
      return ok({ id: g.id });
    },
  },
  {
    method: 'POST', path: '/v3/avatars', handler: (ctx) => {
      const b = parseBody(createBody, ctx.body);
      if (b.type === 'prompt') b.reference_images?.forEach((r, i) => checkMedia(ctx, r, `reference_images.${i}`));
      else checkMedia(ctx, b.file, 'file');
      let g: GroupRec | undefined;
      if (b.avatar_group_id) {
        g = ctx.state.groups.get(b.avatar_group_id);
        if (!g) throw new ApiError(404, 'avatar_not_found', `Avatar group '${b.avatar_group_id}' was not found`, 'avatar_group_id');
      }
      ctx.core.charge(ctx.state, 'avatar');
      const kind = b.type === 'digital_twin' ? 'digital_twin' : 'photo_avatar';
      const voice = ctx.core.catalog.voices.find((v) => v.language === 'English' && v.engines.includes('starfish')) ;
      if (!g) {
        g = { id: newId(), name: b.name, gender: 'female', default_voice_id: voice?.voice_id ?? '', created_at: ctx.core.nowSec(), ownership: 'private', kind, lookIds: [] };
        ctx.state.groups.set(g.id, g);
        ctx.state.training.set(g.id, { createdMs: ctx.core.nowMs(), needsConsent: b.type === 'digital_twin', consentMs: null, seconds: DURATIONS.avatarTraining[b.type] });
      }
      const look: LookRec = {
        id: newId(), name: b.name, group_id: g.id, avatar_type: kind, gender: g.gender,
        preferred_orientation: b.type === 'digital_twin' ? 'landscape' : 'portrait',
        image_width: b.type === 'digital_twin' ? 1920 : 1080, image_height: b.type === 'digital_twin' ? 1080 : 1920,
        supported_api_engines: kind === 'photo_avatar' ? ['avatar_iv', 'avatar_v'] : ['avatar_iii', 'avatar_iv', 'avatar_v'],
        tags: ['custom'], default_voice_id: g.default_voice_id, ownership: 'private',
      };
      ctx.state.looks.set(look.id, look);
      g.lookIds.push(look.id);
      return ok({ avatar_group: groupView(ctx, g), avatar_item: lookView(ctx, look) });
    },
  },
  {
    method: 'POST', path: '/v3/avatars/{group_id}/consent', handler: (ctx) => {
      const g = requireOwnGroup(ctx, ctx.params['group_id'] ?? '');
      const b = parseBody(consentBody, ctx.body);
      if (b.consent_video && (b.reroute_url || b.consent_text)) {
        throw badParam(b.consent_text ? 'consent_text' : 'reroute_url', "'consent_video' cannot be combined with 'reroute_url' or 'consent_text'");
      }
      exclusive(b as Record<string, unknown>, ['consent_video', 'reroute_url']);
      if (b.consent_text && /[<>]/.test(b.consent_text)) throw badParam('consent_text', "'consent_text' must not contain '<' or '>'");
      if (b.consent_video) checkMedia(ctx, b.consent_video, 'consent_video');
      const t = ctx.state.training.get(g.id);
      if (t && t.needsConsent && t.consentMs === null) t.consentMs = ctx.core.nowMs();
      return ok({ avatar_group: groupView(ctx, g), url: b.consent_video ? null : `${ctx.core.baseUrl}/consent/${g.id}` });
    },
  },
];
