import { z } from 'zod';
import { seg, type CallOptions, type HeyGenHttp, type Page } from '../http.js';
import { pageQuery, type PageParams } from '../pagination.js';
import type { MediaRef } from './media.js';

export const Lipsync = z.object({
  id: z.string(),
  status: z.string(),
  title: z.string().optional(),
  created_at: z.number().optional(),
  duration: z.number().optional(),
  video_url: z.string().optional(),
  caption_url: z.string().optional(),
  callback_id: z.string().optional(),
  failure_message: z.string().optional(),
});
export type Lipsync = z.output<typeof Lipsync>;

const Created = z.object({ lipsync_id: z.string() });
const Deleted = z.object({ id: z.string().optional() });

/** Body of POST /v3/lipsyncs: video and audio take url or asset_id only. */
export interface LipsyncCreate {
  video: MediaRef;
  audio: MediaRef;
  title?: string;
  mode?: 'speed' | 'precision';
  enable_caption?: boolean;
  enable_dynamic_duration?: boolean;
  enable_speech_enhancement?: boolean;
  enable_watermark?: boolean;
  fps_mode?: 'vfr' | 'cfr' | 'passthrough';
  disable_music_track?: boolean;
  keep_the_same_format?: boolean;
  start_time?: number;
  end_time?: number;
  folder_id?: string;
  callback_id?: string;
  callback_url?: string;
}

export class LipsyncsApi {
  constructor(private readonly http: HeyGenHttp) {}

  /** POST /v3/lipsyncs — async; returns the job id. */
  create(body: LipsyncCreate, opts?: CallOptions): Promise<z.output<typeof Created>> {
    return this.http.data({ method: 'POST', path: '/v3/lipsyncs', body }, Created, opts);
  }

  /** GET /v3/lipsyncs/{id}. */
  get(id: string, opts?: CallOptions): Promise<Lipsync> {
    return this.http.data({ method: 'GET', path: `/v3/lipsyncs/${seg(id)}` }, Lipsync, opts);
  }

  /** GET /v3/lipsyncs — cursor paged. */
  list(params: PageParams = {}, opts?: CallOptions): Promise<Page<Lipsync>> {
    return this.http.page({ method: 'GET', path: '/v3/lipsyncs', query: pageQuery(params) }, Lipsync, opts);
  }

  /** PATCH /v3/lipsyncs/{id} — rename. */
  update(id: string, body: { title: string }, opts?: CallOptions): Promise<Lipsync> {
    return this.http.data({ method: 'PATCH', path: `/v3/lipsyncs/${seg(id)}`, body }, Lipsync, opts);
  }

  /** DELETE /v3/lipsyncs/{id} — permanent. */
  delete(id: string, opts?: CallOptions): Promise<z.output<typeof Deleted>> {
    return this.http.data({ method: 'DELETE', path: `/v3/lipsyncs/${seg(id)}` }, Deleted, opts);
  }
}
