import { VOICE_PAGE_MAX, type Voice, type VoiceDetail } from '../heygen/api/voices.js';
import { cachedDetail, isSettled, type CatalogCtx } from './context.js';
import { remember } from './known.js';
import { clean, languageName, listCatalog, type ListingResult } from './listing.js';

export interface VoiceListArgs {
  language?: string | undefined;
  gender?: string | undefined;
  engine?: string | undefined;
  type?: 'public' | 'private' | undefined;
  query?: string | undefined;
  limit?: number | undefined;
  next_token?: string | undefined;
}

/** Voices: HeyGen filters by type, engine, language and gender itself; only the name query is local. */
export function listVoices(ctx: CatalogCtx, a: VoiceListArgs): Promise<ListingResult<Voice>> {
  const filters = {
    type: a.type,
    engine: clean(a.engine)?.toLowerCase(),
    language: languageName(a.language),
    gender: clean(a.gender)?.toLowerCase(),
  };
  return listCatalog(ctx, {
    kind: 'voices',
    apiFilters: filters,
    pageMax: VOICE_PAGE_MAX,
    fetchPage: ({ limit, token }, call) => ctx.heygen.voices.list({ ...filters, limit, token }, call),
    query: a.query,
    nameOf: (v) => v.name,
    limit: a.limit,
    nextToken: a.next_token,
    seen: (items) => remember(ctx, (k) => items.forEach((v) => {
      k.add('voices', v.voice_id, v.name);
      if (v.language) k.languages.add(v.language);
    })),
  });
}

export function getVoice(ctx: CatalogCtx, voiceId: string): Promise<VoiceDetail> {
  return cachedDetail(ctx, `voices:voice:${voiceId}`, async () => {
    const v = await ctx.heygen.voices.get(voiceId, ctx.call);
    remember(ctx, (k) => {
      k.add('voices', v.voice_id, v.name);
      if (v.language) k.languages.add(v.language);
    });
    return v;
  }, (v) => isSettled(v.status));
}
