import { z } from 'zod';
import { seg, type CallOptions, type HeyGenHttp, type Page } from '../http.js';
import { pageQuery, type PageParams } from '../pagination.js';
import type { AssetInput, MediaRef } from './media.js';

/**
 * The studio extras of v3: background removal, AI clipping, brand kits and glossaries, and
 * the sound library. Each method is one operation.
 */

export const BackgroundRemoval = z.object({
  id: z.string(),
  status: z.string(),
  created_at: z.number().optional(),
  completed_at: z.number().optional(),
  duration: z.number().optional(),
  error: z.string().optional(),
  // Layer name → presigned URL once completed ('foreground', 'mask', 'background').
  layers: z.record(z.string(), z.unknown()).default({}),
});
export type BackgroundRemoval = z.output<typeof BackgroundRemoval>;

export interface BackgroundRemovalCreate {
  video: AssetInput;
  layers?: string[];
  request_id?: string;
  title?: string;
}

export const Clip = z.object({
  id: z.string(),
  status: z.string(),
  title: z.string().optional(),
  aspect_ratio: z.string().optional(),
  duration_seconds: z.number().optional(),
  virality_score: z.number().optional(),
  video_url: z.string().optional(),
  thumbnail_url: z.string().optional(),
  failure_message: z.string().optional(),
});

export const ClippingJob = z.object({
  id: z.string(),
  status: z.string(),
  title: z.string().optional(),
  created_at: z.number().optional(),
  progress: z.number().optional(),
  source_duration: z.number().optional(),
  input_language: z.string().optional(),
  callback_id: z.string().optional(),
  failure_message: z.string().optional(),
  clips: z.array(Clip).default([]),
});
export type ClippingJob = z.output<typeof ClippingJob>;

export interface ClippingCreate {
  video: MediaRef;
  output_settings: {
    duration_types: ('30' | '60' | '180' | 'long')[];
    aspect_ratio?: 'landscape' | 'portrait' | 'square';
    captions?: boolean;
    caption_style?: string;
    prompt?: string;
  };
  title?: string;
  input_language?: string;
  callback_id?: string;
  callback_url?: string;
}

// The spec gives ai-clipping create no response body; the job id is read defensively.
const ClippingCreated = z.object({ id: z.string().optional(), job_id: z.string().optional(), status: z.string().optional() });

export const BrandKit = z.object({ brand_kit_id: z.string(), name: z.string(), colors: z.array(z.string()).default([]), logo_url: z.string().optional() });
export const BrandGlossary = z.object({ brand_glossary_id: z.string(), name: z.string(), created_at: z.string().optional(), updated_at: z.string().optional() });

export const Sound = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  description: z.string().optional(),
  audio_url: z.string(),
  duration: z.number().optional(),
  score: z.number().optional(),
});

export interface SoundSearch extends PageParams {
  query: string;
  type?: 'music' | 'sound_effects' | undefined;
  min_score?: number | undefined;
}
/** GET /v3/audio/sounds returns at most 50 results per page. */
const SOUNDS_PAGE_MAX = 50;

const Deleted = z.object({ id: z.string().optional(), deleted: z.boolean().optional() });

export class StudioApi {
  constructor(private readonly http: HeyGenHttp) {}

  /** POST /v3/background-removals — async; `request_id` makes a replay return the first job. */
  createBackgroundRemoval(body: BackgroundRemovalCreate, opts?: CallOptions): Promise<BackgroundRemoval> {
    return this.http.data({ method: 'POST', path: '/v3/background-removals', body }, BackgroundRemoval, opts);
  }

  /** GET /v3/background-removals/{job_id}. */
  getBackgroundRemoval(id: string, opts?: CallOptions): Promise<BackgroundRemoval> {
    return this.http.data({ method: 'GET', path: `/v3/background-removals/${seg(id)}` }, BackgroundRemoval, opts);
  }

  /** GET /v3/background-removals — cursor paged. */
  listBackgroundRemovals(params: PageParams = {}, opts?: CallOptions): Promise<Page<BackgroundRemoval>> {
    return this.http.page({ method: 'GET', path: '/v3/background-removals', query: pageQuery(params) }, BackgroundRemoval, opts);
  }

  /** DELETE /v3/background-removals/{job_id} — soft delete. */
  deleteBackgroundRemoval(id: string, opts?: CallOptions): Promise<z.output<typeof Deleted>> {
    return this.http.data({ method: 'DELETE', path: `/v3/background-removals/${seg(id)}` }, Deleted, opts);
  }

  /** POST /v3/ai-clipping — async; answers with the job id. */
  async createClipping(body: ClippingCreate, opts?: CallOptions): Promise<{ id: string; status?: string | undefined }> {
    const r = await this.http.data({ method: 'POST', path: '/v3/ai-clipping', body }, ClippingCreated, opts);
    return { id: r.id ?? r.job_id ?? '', status: r.status };
  }

  /** GET /v3/ai-clipping/{job_id} — the job with its clips. */
  getClipping(id: string, opts?: CallOptions): Promise<ClippingJob> {
    return this.http.data({ method: 'GET', path: `/v3/ai-clipping/${seg(id)}` }, ClippingJob, opts);
  }

  /** GET /v3/ai-clipping — newest first. */
  listClippings(params: PageParams = {}, opts?: CallOptions): Promise<Page<ClippingJob>> {
    return this.http.page({ method: 'GET', path: '/v3/ai-clipping', query: pageQuery(params) }, ClippingJob, opts);
  }

  /** DELETE /v3/ai-clipping/{job_id} — soft delete of the job and its clips. */
  deleteClipping(id: string, opts?: CallOptions): Promise<z.output<typeof Deleted>> {
    return this.http.data({ method: 'DELETE', path: `/v3/ai-clipping/${seg(id)}` }, Deleted, opts);
  }

  /** GET /v3/brand-kits. */
  listBrandKits(params: PageParams = {}, opts?: CallOptions): Promise<Page<z.output<typeof BrandKit>>> {
    return this.http.page({ method: 'GET', path: '/v3/brand-kits', query: pageQuery(params) }, BrandKit, opts);
  }

  /** GET /v3/brand-glossaries. */
  listBrandGlossaries(params: PageParams = {}, opts?: CallOptions): Promise<Page<z.output<typeof BrandGlossary>>> {
    return this.http.page({ method: 'GET', path: '/v3/brand-glossaries', query: pageQuery(params) }, BrandGlossary, opts);
  }

  /** GET /v3/audio/sounds — semantic search of music or sound effects. */
  searchSounds(params: SoundSearch, opts?: CallOptions): Promise<Page<z.output<typeof Sound>>> {
    return this.http.page({ method: 'GET', path: '/v3/audio/sounds', query: { query: params.query, type: params.type, min_score: params.min_score, ...pageQuery(params, SOUNDS_PAGE_MAX) } }, Sound, opts);
  }
}
