import { z } from 'zod';
import { seg, type CallOptions, type HeyGenHttp, type Page } from '../http.js';
import { pageQuery, type PageParams } from '../pagination.js';
import type { AssetInput } from './media.js';
import { Video } from './videos.js';

export interface VideoAgentCreateBody {
  prompt: string;
  mode?: 'generate' | 'chat';
  avatar_id?: string;
  voice_id?: string;
  style_id?: string;
  brand_kit_id?: string;
  orientation?: 'landscape' | 'portrait';
  files?: AssetInput[];
  incognito_mode?: boolean;
  callback_id?: string;
  callback_url?: string;
}

export interface VideoAgentSendBody {
  message: string;
  avatar_id?: string;
  voice_id?: string;
  brand_kit_id?: string;
  files?: AssetInput[];
}

export const SessionCreated = z.object({
  session_id: z.string(),
  status: z.string().optional(),
  video_id: z.string().optional(),
  created_at: z.number().optional(),
});

export const SessionMessage = z.object({
  role: z.string().optional(),
  type: z.string().optional(),
  content: z.string().optional(),
  created_at: z.number().optional(),
  resource_ids: z.array(z.string()).optional(),
});

export const Session = z.object({
  session_id: z.string(),
  status: z.string(),
  title: z.string().optional(),
  created_at: z.number().optional(),
  progress: z.number().optional(),
  video_id: z.string().optional(),
  messages: z.array(SessionMessage).optional(),
});
export type Session = z.output<typeof Session>;

export const AgentResource = z.object({
  resource_id: z.string(),
  resource_type: z.string(),
  source_type: z.string().optional(),
  url: z.string().optional(),
  preview_url: z.string().optional(),
  thumbnail_url: z.string().optional(),
  created_at: z.number().optional(),
});

export const SessionSummary = z.object({ session_id: z.string(), title: z.string().optional(), created_at: z.number().optional() });
export const MessageSent = z.object({ session_id: z.string().optional(), run_id: z.string().optional(), title: z.string().optional() });
export const Style = z.object({
  style_id: z.string(),
  name: z.string().optional(),
  tags: z.array(z.string()).optional(),
  aspect_ratio: z.string().optional(),
  thumbnail_url: z.string().optional(),
  preview_video_url: z.string().optional(),
});

export class VideoAgentsApi {
  constructor(private readonly http: HeyGenHttp) {}

  /** POST /v3/video-agents — starts a prompt-to-video session; spends credits. */
  create(body: VideoAgentCreateBody, opts?: CallOptions): Promise<z.output<typeof SessionCreated>> {
    return this.http.data({ method: 'POST', path: '/v3/video-agents', body }, SessionCreated, opts);
  }

  /** GET /v3/video-agents/{session_id}/resources/{resource_id} — one artefact of a session. */
  getResource(sessionId: string, resourceId: string, opts?: CallOptions): Promise<z.output<typeof AgentResource>> {
    return this.http.data({ method: 'GET', path: `/v3/video-agents/${seg(sessionId)}/resources/${seg(resourceId)}` }, AgentResource, opts);
  }

  /** GET /v3/video-agents/{id} — status, progress, video id, latest messages. */
  get(sessionId: string, opts?: CallOptions): Promise<Session> {
    return this.http.data({ method: 'GET', path: `/v3/video-agents/${seg(sessionId)}` }, Session, opts);
  }

  /** GET /v3/video-agents — sessions, newest first. */
  list(params: PageParams = {}, opts?: CallOptions): Promise<Page<z.output<typeof SessionSummary>>> {
    return this.http.page({ method: 'GET', path: '/v3/video-agents', query: pageQuery(params) }, SessionSummary, opts);
  }

  /** POST /v3/video-agents/{id} — follow-up message (chat-mode sessions only); spends credits. */
  send(sessionId: string, body: VideoAgentSendBody, opts?: CallOptions): Promise<z.output<typeof MessageSent>> {
    return this.http.data({ method: 'POST', path: `/v3/video-agents/${seg(sessionId)}`, body }, MessageSent, opts);
  }

  /** POST /v3/video-agents/{id}/stop — the API wants an empty JSON object, not an absent body. */
  stop(sessionId: string, opts?: CallOptions): Promise<{ session_id?: string | undefined }> {
    return this.http.data({ method: 'POST', path: `/v3/video-agents/${seg(sessionId)}/stop`, body: {} }, z.object({ session_id: z.string().optional() }), opts);
  }

  /** GET /v3/video-agents/{id}/videos — every video of the session (unpaged). */
  listVideos(sessionId: string, opts?: CallOptions): Promise<Page<Video>> {
    return this.http.page({ method: 'GET', path: `/v3/video-agents/${seg(sessionId)}/videos` }, Video, opts);
  }

  /** GET /v3/video-agents/styles — visual style presets. */
  listStyles(params: PageParams & { tag?: string | undefined } = {}, opts?: CallOptions): Promise<Page<z.output<typeof Style>>> {
    return this.http.page({ method: 'GET', path: '/v3/video-agents/styles', query: { tag: params.tag, ...pageQuery(params) } }, Style, opts);
  }
}
