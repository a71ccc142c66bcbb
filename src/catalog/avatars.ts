import { AVATAR_PAGE_MAX, type AvatarGroup, type AvatarLook, type AvatarOwnership, type AvatarType } from '../heygen/api/avatars.js';
import { cachedDetail, isSettled, type CatalogCtx } from './context.js';
import { remember } from './known.js';
import { clean, listCatalog, type ListingResult } from './listing.js';

export interface GroupListArgs {
  ownership?: AvatarOwnership | undefined;
  gender?: string | undefined;
  query?: string | undefined;
  limit?: number | undefined;
  next_token?: string | undefined;
}

/** Avatar groups: ownership goes to HeyGen; gender and the name query are answered here. */
export function listGroups(ctx: CatalogCtx, a: GroupListArgs): Promise<ListingResult<AvatarGroup>> {
  const gender = clean(a.gender)?.toLowerCase();
  return listCatalog(ctx, {
    kind: 'avatars:groups',
    apiFilters: { ownership: a.ownership },
    pageMax: AVATAR_PAGE_MAX,
    fetchPage: ({ limit, token }, call) => ctx.heygen.avatars.listGroups({ ownership: a.ownership, limit, token }, call),
    local: gender ? { key: { gender }, test: (g) => g.gender?.toLowerCase() === gender } : undefined,
    query: a.query,
    nameOf: (g) => g.name,
    limit: a.limit,
    nextToken: a.next_token,
    seen: (items) => remember(ctx, (k) => items.forEach((g) => k.add('groups', g.id, g.name))),
  });
}

export interface LookListArgs {
  group_id?: string | undefined;
  avatar_type?: AvatarType | undefined;
  ownership?: AvatarOwnership | undefined;
  gender?: string | undefined;
  orientation?: string | undefined;
  engine?: string | undefined;
  query?: string | undefined;
  limit?: number | undefined;
  next_token?: string | undefined;
}

/** Looks: group, type and ownership go to HeyGen; gender, orientation, engine and query are local. */
export function listLooks(ctx: CatalogCtx, a: LookListArgs): Promise<ListingResult<AvatarLook>> {
  const groupId = clean(a.group_id);
  const gender = clean(a.gender)?.toLowerCase();
  const orientation = clean(a.orientation)?.toLowerCase();
  const engine = clean(a.engine)?.toLowerCase();
  const hasLocal = gender !== undefined || orientation !== undefined || engine !== undefined;
  return listCatalog(ctx, {
    kind: 'avatars:looks',
    apiFilters: { group_id: groupId, avatar_type: a.avatar_type, ownership: a.ownership },
    pageMax: AVATAR_PAGE_MAX,
    fetchPage: ({ limit, token }, call) => ctx.heygen.avatars.listLooks({ group_id: groupId, avatar_type: a.avatar_type, ownership: a.ownership, limit, token }, call),
    local: hasLocal ? {
      key: { gender, orientation, engine },
      test: (l) => (!gender || l.gender?.toLowerCase() === gender)
        && (!orientation || l.preferred_orientation === orientation)
        && (!engine || (l.supported_api_engines ?? []).includes(engine)),
    } : undefined,
    query: a.query,
    nameOf: (l) => l.name,
    limit: a.limit,
    nextToken: a.next_token,
    seen: (items) => remember(ctx, (k) => items.forEach((l) => {
      k.add('looks', l.id, l.name);
      // Groups seen only through their looks still complete as group ids.
      if (l.group_id && !k.groups.has(l.group_id)) k.add('groups', l.group_id, undefined);
    })),
  });
}

export function getGroup(ctx: CatalogCtx, groupId: string): Promise<AvatarGroup> {
  return cachedDetail(ctx, `avatars:group:${groupId}`, async () => {
    const g = await ctx.heygen.avatars.getGroup(groupId, ctx.call);
    remember(ctx, (k) => k.add('groups', g.id, g.name));
    return g;
  }, (g) => isSettled(g.status));
}

export function getLook(ctx: CatalogCtx, lookId: string): Promise<AvatarLook> {
  return cachedDetail(ctx, `avatars:look:${lookId}`, async () => {
    const l = await ctx.heygen.avatars.getLook(lookId, ctx.call);
    remember(ctx, (k) => k.add('looks', l.id, l.name));
    return l;
  }, (l) => isSettled(l.status));
}
