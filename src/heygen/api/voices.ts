import { z } from 'zod';
import { seg, type CallOptions, type HeyGenHttp, type Page } from '../http.js';

/** GET /v3/voices accepts at most 100 items per page. */
export const VOICE_PAGE_MAX = 100;

export const Voice = z.object({
  voice_id: z.string(),
  name: z.string().optional(),
  language: z.string().optional(),
  gender: z.string().optional(),
  type: z.string().optional(),
  preview_audio_url: z.string().optional(),
  support_pause: z.boolean().optional(),
  support_locale: z.boolean().optional(),
});
export type Voice = z.output<typeof Voice>;

/** GET /v3/voices/{id}: also the clone status of a private voice ("complete", not "completed"). */
export const VoiceDetail = z.object({
  voice_id: z.string(),
  name: z.string().optional(),
  language: z.string().optional(),
  gender: z.string().optional(),
  created_at: z.number().optional(),
  preview_audio_url: z.string().optional(),
  support_pause: z.boolean().optional(),
  support_interactive_avatar: z.boolean().optional(),
  status: z.string().optional(),
  failure_message: z.string().optional(),
});
export type VoiceDetail = z.output<typeof VoiceDetail>;

export interface ListVoicesParams {
  /** HeyGen defaults to `public` when omitted. */
  type?: 'public' | 'private' | undefined;
  /** e.g. `starfish`: only voices that engine can speak (create_speech needs starfish). */
  engine?: string | undefined;
  language?: string | undefined;
  gender?: string | undefined;
  limit?: number | undefined;
  token?: string | undefined;
}

export class VoicesApi {
  constructor(private readonly http: HeyGenHttp) {}

  // ── Reads ──────────────────────────────────────────────────────────────

  /** GET /v3/voices — filterable by type, engine, language and gender. */
  list(params: ListVoicesParams = {}, opts?: CallOptions): Promise<Page<Voice>> {
    return this.http.page({ method: 'GET', path: '/v3/voices', query: { ...params } }, Voice, opts);
  }

  /** GET /v3/voices/{voice_id} — one voice, with clone status for private voices. */
  get(voiceId: string, opts?: CallOptions): Promise<VoiceDetail> {
    return this.http.data({ method: 'GET', path: `/v3/voices/${seg(voiceId)}` }, VoiceDetail, opts);
  }
}
