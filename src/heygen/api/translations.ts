import { z } from 'zod';
import { seg, type CallOptions, type HeyGenHttp, type Page } from '../http.js';
import { pageQuery, type PageParams } from '../pagination.js';

import type { MediaRef } from './media.js';

export const VideoTranslation = z.object({
  id: z.string(),
  status: z.string(),
  title: z.string().optional(),
  created_at: z.number().optional(),
  input_language: z.string().optional(),
  output_language: z.string().optional(),
  translate_audio_only: z.boolean().optional(),
  duration: z.number().optional(),
  video_url: z.string().optional(),
  audio_url: z.string().optional(),
  srt_caption_url: z.string().optional(),
  vtt_caption_url: z.string().optional(),
  callback_id: z.string().optional(),
  failure_message: z.string().optional(),
});
export type VideoTranslation = z.output<typeof VideoTranslation>;

export const Proofread = z.object({
  id: z.string(),
  status: z.string(),
  title: z.string().optional(),
  created_at: z.number().optional(),
  input_language: z.string().optional(),
  output_language: z.string().optional(),
  submitted_for_review: z.boolean().optional(),
  failure_message: z.string().optional(),
});
export type Proofread = z.output<typeof Proofread>;

const Languages = z.object({ languages: z.array(z.string()).default([]) });
const Created = z.object({ video_translation_ids: z.array(z.string()) });
const Deleted = z.object({ id: z.string().optional() });
const ProofreadCreated = z.object({ proofread_ids: z.array(z.string()), status: z.string().optional() });
const ProofreadSrt = z.object({ srt_url: z.string(), original_srt_url: z.string().optional() });
const Generated = z.object({ video_translation_id: z.string(), status: z.string().optional() });

/** Body of POST /v3/video-translations (fields as the v3 schema names them). */
export interface TranslationCreate {
  video: MediaRef;
  output_languages: string[];
  title?: string;
  input_language?: string;
  audio?: MediaRef;
  srt?: MediaRef;
  srt_role?: 'input' | 'output';
  mode?: 'speed' | 'precision';
  speaker_num?: number;
  translate_audio_only?: boolean;
  enable_caption?: boolean;
  enable_dynamic_duration?: boolean;
  enable_speech_enhancement?: boolean;
  enable_watermark?: boolean;
  disable_music_track?: boolean;
  keep_the_same_format?: boolean;
  fps_mode?: 'vfr' | 'cfr' | 'passthrough';
  start_time?: number;
  end_time?: number;
  brand_glossary_id?: string;
  brand_voice_id?: string;
  stock_voice_config?: { use_stock_voice?: boolean; preferred_stock_voice_ids?: string[] };
  folder_id?: string;
  callback_id?: string;
  callback_url?: string;
}

/** Body of POST /v3/video-translations/proofreads. */
export interface ProofreadCreate {
  video: MediaRef;
  output_languages: string[];
  title: string;
  srt?: MediaRef;
  mode?: 'speed' | 'precision';
  speaker_num?: number;
  brand_glossary_id?: string;
  brand_voice_id?: string;
  folder_id?: string;
  disable_music_track?: boolean;
  enable_speech_enhancement?: boolean;
  enable_video_stretching?: boolean;
  keep_the_same_format?: boolean;
}

/** Body of POST /v3/video-translations/proofreads/{id}/generate. */
export interface ProofreadGenerate {
  captions?: boolean;
  translate_audio_only?: boolean;
  callback_id?: string;
  callback_url?: string;
}

export class TranslationsApi {
  constructor(private readonly http: HeyGenHttp) {}

  /** GET /v3/video-translations/languages — valid `output_languages` names (unpaged). */
  async languages(opts?: CallOptions): Promise<string[]> {
    return (await this.http.data({ method: 'GET', path: '/v3/video-translations/languages' }, Languages, opts)).languages;
  }

  /** POST /v3/video-translations — one translation id per target language. */
  create(body: TranslationCreate, opts?: CallOptions): Promise<z.output<typeof Created>> {
    return this.http.data({ method: 'POST', path: '/v3/video-translations', body }, Created, opts);
  }

  /** GET /v3/video-translations/{id}. */
  get(id: string, opts?: CallOptions): Promise<VideoTranslation> {
    return this.http.data({ method: 'GET', path: `/v3/video-translations/${seg(id)}` }, VideoTranslation, opts);
  }

  /** GET /v3/video-translations — cursor paged. */
  list(params: PageParams = {}, opts?: CallOptions): Promise<Page<VideoTranslation>> {
    return this.http.page({ method: 'GET', path: '/v3/video-translations', query: pageQuery(params) }, VideoTranslation, opts);
  }

  /** DELETE /v3/video-translations/{id} — permanent. */
  delete(id: string, opts?: CallOptions): Promise<z.output<typeof Deleted>> {
    return this.http.data({ method: 'DELETE', path: `/v3/video-translations/${seg(id)}` }, Deleted, opts);
  }

  /** PATCH /v3/video-translations/{id} — rename. */
  update(id: string, body: { title: string }, opts?: CallOptions): Promise<VideoTranslation> {
    return this.http.data({ method: 'PATCH', path: `/v3/video-translations/${seg(id)}`, body }, VideoTranslation, opts);
  }

  /** POST /v3/video-translations/proofreads — one proofread id per target language. */
  createProofread(body: ProofreadCreate, opts?: CallOptions): Promise<z.output<typeof ProofreadCreated>> {
    return this.http.data({ method: 'POST', path: '/v3/video-translations/proofreads', body }, ProofreadCreated, opts);
  }

  /** GET /v3/video-translations/proofreads/{id}. */
  getProofread(id: string, opts?: CallOptions): Promise<Proofread> {
    return this.http.data({ method: 'GET', path: `/v3/video-translations/proofreads/${seg(id)}` }, Proofread, opts);
  }

  /** GET /v3/video-translations/proofreads/{id}/srt — links to the edited and the original subtitles. */
  getProofreadSrt(id: string, opts?: CallOptions): Promise<z.output<typeof ProofreadSrt>> {
    return this.http.data({ method: 'GET', path: `/v3/video-translations/proofreads/${seg(id)}/srt` }, ProofreadSrt, opts);
  }

  /** PUT /v3/video-translations/proofreads/{id}/srt — replaces the subtitles wholesale. */
  updateProofreadSrt(id: string, body: { srt: MediaRef }, opts?: CallOptions): Promise<Proofread> {
    return this.http.data({ method: 'PUT', path: `/v3/video-translations/proofreads/${seg(id)}/srt`, body }, Proofread, opts);
  }

  /** POST /v3/video-translations/proofreads/{id}/generate — renders the final translation. */
  generateProofread(id: string, body: ProofreadGenerate = {}, opts?: CallOptions): Promise<z.output<typeof Generated>> {
    return this.http.data({ method: 'POST', path: `/v3/video-translations/proofreads/${seg(id)}/generate`, body }, Generated, opts);
  }
}
