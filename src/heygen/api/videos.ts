import { z } from 'zod';
import { seg, type CallOptions, type HeyGenHttp, type Page } from '../http.js';
import { pageQuery, type PageParams } from '../pagination.js';

import type { AssetInput } from './media.js';

export type AspectRatio = '16:9' | '9:16' | '4:5' | '5:4' | '1:1' | 'auto';
export type Resolution = '4k' | '1080p' | '720p';
export type Engine = { type: 'avatar_v'; reference_look_id?: string } | { type: 'avatar_iv' } | { type: 'avatar_iii' };

export type EngineSettings =
  | { engine_type: 'elevenlabs'; model?: string; stability?: number; similarity_boost?: number; style?: number; use_speaker_boost?: boolean }
  | { engine_type: 'fish'; model?: string; stability?: number; similarity?: number }
  | { engine_type: 'starfish' };

export interface VoiceSettings { speed?: number; pitch?: number; volume?: number; locale?: string; engine_settings?: EngineSettings }

/** One audio source: script (with a voice) XOR audio_url XOR audio_asset_id. */
export interface Speech {
  script?: string;
  voice_id?: string;
  audio_url?: string;
  audio_asset_id?: string;
  voice_settings?: VoiceSettings;
}

export interface Watermark {
  image: AssetInput;
  opacity?: number;
  scale?: number;
  placement?: { position?: 'top_left' | 'top_right' | 'bottom_left' | 'bottom_right'; offset_x?: number; offset_y?: number };
}

export type Background = { type: 'color'; value: string } | { type: 'image'; url?: string; asset_id?: string };
export interface Caption { file_format?: 'srt'; style?: 'default' }

interface Output {
  title?: string;
  callback_id?: string;
  callback_url?: string;
  aspect_ratio?: AspectRatio;
  resolution?: Resolution;
  caption?: Caption;
}

interface Look {
  background?: Background;
  fit?: 'contain' | 'cover';
  output_format?: 'mp4' | 'webm';
  remove_background?: boolean;
  watermark?: Watermark;
  expressiveness?: 'high' | 'medium' | 'low';
  motion_prompt?: string;
}

export type AvatarVideoBody = { type: 'avatar'; avatar_id: string; engine?: Engine } & Output & Speech & Look;
export type ImageVideoBody = { type: 'image'; image: AssetInput } & Output & Speech & Look;
export interface CinematicVideoBody {
  type: 'cinematic_avatar';
  prompt: string;
  avatar_id: string[];
  aspect_ratio?: '16:9' | '9:16' | '1:1';
  resolution?: '720p' | '1080p';
  duration?: number;
  auto_duration?: boolean;
  enhance_prompt?: boolean;
  references?: AssetInput[];
  title?: string;
}

export type StudioSceneInput =
  | ({ type: 'avatar'; avatar_id: string; engine?: Engine; background?: { type: 'color'; color: string }; expressiveness?: 'high' | 'medium' | 'low'; motion_prompt?: string } & Speech)
  | ({ type: 'image'; image: AssetInput; expressiveness?: 'high' | 'medium' | 'low'; motion_prompt?: string } & Speech);
export type StudioScene =
  | { type: 'avatar_video'; input: StudioSceneInput }
  | ({ type: 'image'; source: AssetInput; duration?: number } & Speech)
  | { type: 'video'; source: AssetInput; playback?: { mute?: boolean; volume?: number } };
export type StudioVideoBody = { type: 'studio'; scenes: StudioScene[]; watermark?: Watermark } & Output;

/** POST /v3/videos request: a union on `type`. */
export type VideoCreateBody = AvatarVideoBody | ImageVideoBody | CinematicVideoBody | StudioVideoBody;

export const VideoCreated = z.object({
  video_id: z.string(),
  // The create answer carries 'waiting', a value outside the video status enum: keep it a string.
  status: z.string().optional(),
  output_format: z.string().optional(),
});
export type VideoCreated = z.output<typeof VideoCreated>;

export const Video = z.object({
  id: z.string(),
  status: z.string(),
  title: z.string().optional(),
  created_at: z.number().optional(),
  completed_at: z.number().optional(),
  duration: z.number().optional(),
  folder_id: z.string().optional(),
  output_language: z.string().optional(),
  video_url: z.string().optional(),
  captioned_video_url: z.string().optional(),
  subtitle_url: z.string().optional(),
  thumbnail_url: z.string().optional(),
  gif_url: z.string().optional(),
  video_page_url: z.string().optional(),
  failure_code: z.string().optional(),
  failure_message: z.string().optional(),
});
export type Video = z.output<typeof Video>;

export const VideoDeleted = z.object({ id: z.string().optional(), deleted: z.boolean().optional() });

export interface ListVideosQuery extends PageParams { folder_id?: string | undefined; title?: string | undefined }

export class VideosApi {
  constructor(private readonly http: HeyGenHttp) {}

  /** POST /v3/videos — starts a render; spends credits. */
  create(body: VideoCreateBody, opts?: CallOptions): Promise<VideoCreated> {
    return this.http.data({ method: 'POST', path: '/v3/videos', body }, VideoCreated, opts);
  }

  /** GET /v3/videos/{id} — status, download URLs, failure info. */
  get(videoId: string, opts?: CallOptions): Promise<Video> {
    return this.http.data({ method: 'GET', path: `/v3/videos/${seg(videoId)}` }, Video, opts);
  }

  /** GET /v3/videos — newest first, cursor paged. */
  list(query: ListVideosQuery = {}, opts?: CallOptions): Promise<Page<Video>> {
    return this.http.page({ method: 'GET', path: '/v3/videos', query: { folder_id: query.folder_id, title: query.title, ...pageQuery(query) } }, Video, opts);
  }

  /** DELETE /v3/videos/{id} — permanent. */
  delete(videoId: string, opts?: CallOptions): Promise<z.output<typeof VideoDeleted>> {
    return this.http.data({ method: 'DELETE', path: `/v3/videos/${seg(videoId)}` }, VideoDeleted, opts);
  }
}
