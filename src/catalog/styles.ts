import type { Style } from '../heygen/api/video-agents.js';
import type { z } from 'zod';
import type { CatalogCtx } from './context.js';
import { loadAll } from './listing.js';

/** GET /v3/video-agents/styles allows 100 per page; the whole list is a few dozen presets. */
const STYLE_PAGE_MAX = 100;

export type VideoAgentStyle = z.output<typeof Style>;

/** Every Video Agent style preset, loaded once per TTL. */
export function listStyles(ctx: CatalogCtx): Promise<VideoAgentStyle[]> {
  return loadAll(ctx, {
    kind: 'video-agent:styles',
    apiFilters: {},
    pageMax: STYLE_PAGE_MAX,
    fetchPage: ({ limit, token }, call) => ctx.heygen.videoAgents.listStyles({ limit, token }, call),
  });
}
