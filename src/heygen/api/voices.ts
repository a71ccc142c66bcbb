import { z } from 'zod';
import { seg, type CallOptions, type HeyGenHttp, type Page } from '../http.js';
import { pageQuery, type PageParams } from '../pagination.js';
import type { AssetInput } from './media.js';

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

export interface ListVoicesParams extends PageParams {
  /** HeyGen defaults to `public` when omitted. */
  type?: 'public' | 'private' | undefined;
  /** e.g. `starfish`: only voices that engine can speak (create_speech needs starfish). */
  engine?: string | undefined;
  language?: string | undefined;
  gender?: string | undefined;
}

export class VoicesApi {
  constructor(private readonly http: HeyGenHttp) {}

  // ── Reads ──────────────────────────────────────────────────────────────

  /** GET /v3/voices — filterable by type, engine, language and gender. */
  list(params: ListVoicesParams = {}, opts?: CallOptions): Promise<Page<Voice>> {
    return this.http.page({ method: 'GET', path: '/v3/voices', query: { type: params.type, engine: params.engine, language: params.language, gender: params.gender, ...pageQuery(params, VOICE_PAGE_MAX) } }, Voice, opts);
  }

  /** GET /v3/voices/{voice_id} — one voice, with clone status for private voices. */
  get(voiceId: string, opts?: CallOptions): Promise<VoiceDetail> {
    return this.http.data({ method: 'GET', path: `/v3/voices/${seg(voiceId)}` }, VoiceDetail, opts);
  }

  // ── Writes ─────────────────────────────────────────────────────────────

  /** POST /v3/voices — "design": up to 3 existing voices matching a description (a search, no charge). */
  design(body: DesignVoiceBody, opts?: CallOptions): Promise<DesignedVoices> {
    return this.http.data({ method: 'POST', path: '/v3/voices', body }, DesignedVoices, opts);
  }

  /** POST /v3/voices/clone — starts cloning from an audio sample; poll get() until status `complete`. */
  clone(body: CloneVoiceBody, opts?: CallOptions): Promise<{ voice_clone_id: string }> {
    return this.http.data({ method: 'POST', path: '/v3/voices/clone', body }, ClonedVoice, opts);
  }

  /** DELETE /v3/voices/{voice_id} — removes a cloned voice. */
  async delete(voiceId: string, opts?: CallOptions): Promise<{ voice_id: string }> {
    const r = await this.http.data({ method: 'DELETE', path: `/v3/voices/${seg(voiceId)}` }, DeletedVoice, opts);
    return { voice_id: r.voice_id ?? voiceId };
  }

  /** POST /v3/voices/speech — text or SSML to audio with a starfish voice. */
  speech(body: SpeechBody, opts?: CallOptions): Promise<Speech> {
    return this.http.data({ method: 'POST', path: '/v3/voices/speech', body }, Speech, opts);
  }
}

export interface DesignVoiceBody {
  prompt: string;
  gender?: 'male' | 'female' | undefined;
  locale?: string | undefined;
  seed?: number | undefined;
}

export const DesignedVoices = z.object({ seed: z.number().optional(), voices: z.array(Voice).default([]) });
export type DesignedVoices = z.output<typeof DesignedVoices>;

export interface CloneVoiceBody {
  voice_name: string;
  audio: AssetInput;
  language?: string | undefined;
  remove_background_noise?: boolean | undefined;
}

const ClonedVoice = z.object({ voice_clone_id: z.string() });
const DeletedVoice = z.object({ voice_id: z.string().optional() });

export interface SpeechBody {
  text: string;
  voice_id: string;
  input_type?: 'text' | 'ssml' | undefined;
  speed?: number | undefined;
  language?: string | undefined;
  locale?: string | undefined;
}

export const Speech = z.object({
  audio_url: z.string(),
  duration: z.number().optional(),
  request_id: z.string().optional(),
  word_timestamps: z.array(z.object({ word: z.string(), start: z.number(), end: z.number() })).optional(),
});
export type Speech = z.output<typeof Speech>;
