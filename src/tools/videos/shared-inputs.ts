import { z } from 'zod';
import type { AssetInput, Background, Caption, Speech, VoiceSettings, Watermark } from '../../heygen/api/videos.js';
import { InputError } from '../errors.js';

/** HeyGen ids: letters, digits and `_ - . :` — nothing that could add path structure. */
export const heygenId = (what: string) => z.string().max(128)
  .regex(/^[\w.:-]+$/, `${what} must be a HeyGen id (letters, digits, _ - . :)`)
  .refine((v) => !v.startsWith('.'), `${what} must not start with a dot`);

export const httpsUrl = z.string().max(2048).regex(/^https:\/\/\S+$/, 'must be an https:// URL');

/** 5,000 characters: the v2 per-scene script limit HeyGen still enforces on v3 renders. */
export const SCRIPT_MAX = 5000;
export const script = z.string().trim().min(1, 'must not be empty').max(SCRIPT_MAX, `at most ${SCRIPT_MAX} characters`);

const BASE64_MAX = 14_000_000; // ~10 MB decoded; larger files go through upload_asset

/**
 * A file, in one flat object rather than a oneOf (a third of the schema size): exactly one of
 * url, asset_id, base64 (+ media_type). `type` is accepted so HeyGen's own shape also works.
 */
export const assetInput = z.object({
  type: z.enum(['url', 'asset_id', 'base64']).optional(),
  url: httpsUrl.optional(),
  asset_id: heygenId('asset_id').optional(),
  base64: z.string().min(1).max(BASE64_MAX).optional(),
  media_type: z.string().max(100).regex(/^[a-z]+\/[A-Za-z0-9.+-]+$/, 'a MIME type like image/png').optional(),
});

/** Turns the flat file object into the v3 AssetInput union, enforcing exactly one source. */
export function assetOf(m: z.output<typeof assetInput>, field: string, opts: { base64?: boolean } = { base64: true }): AssetInput {
  const data = m.base64;
  const given = [m.url !== undefined && 'url', m.asset_id !== undefined && 'asset_id', data !== undefined && 'base64'].filter(Boolean) as string[];
  if (given.length !== 1) throw new InputError(field, given.length ? `give only one of url, asset_id, base64 (got ${given.join(' and ')})` : 'give url (https), asset_id or base64 with media_type');
  if (m.type !== undefined && m.type !== given[0]) throw new InputError(`${field}.type`, `says ${m.type} but ${given[0]} was given`);
  if (m.url !== undefined) return { type: 'url', url: m.url };
  if (m.asset_id !== undefined) return { type: 'asset_id', asset_id: m.asset_id };
  if (!opts.base64) throw new InputError(field, 'base64 is not accepted here; upload_asset first and pass asset_id');
  if (!m.media_type) throw new InputError(`${field}.media_type`, 'required with base64 (e.g. image/png)');
  return { type: 'base64', media_type: m.media_type, data: data as string };
}

export const hexColour = z.string().max(7).regex(/^#[0-9a-fA-F]{6}$/, 'a hex colour like #1A2B3C');

export const aspectRatio = z.enum(['16:9', '9:16', '4:5', '5:4', '1:1', 'auto']);
export const resolution = z.enum(['4k', '1080p', '720p']);
export const expressiveness = z.enum(['high', 'medium', 'low']).describe('Photo avatars; not with avatar_v/avatar_iii.');
export const motionPrompt = z.string().trim().min(1).max(1000).describe('Body motion. Photo avatars, or avatar_v.');

export const voiceSettings = z.object({
  speed: z.number().min(0.5).max(1.5).optional(),
  pitch: z.number().min(-50).max(50).optional().describe('Semitones.'),
  volume: z.number().min(0).max(1).optional(),
  locale: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a locale like en-US').optional(),
  engine_settings: z.object({
    engine_type: z.enum(['elevenlabs', 'fish', 'starfish']),
    model: z.enum(['eleven_multilingual_v2', 'eleven_turbo_v2_5', 'eleven_flash_v2_5', 'eleven_v3', 's1', 's2-pro']).optional(),
    stability: z.number().min(0).max(1).optional(),
    similarity_boost: z.number().min(0).max(1).optional().describe('elevenlabs'),
    style: z.number().min(0).max(1).optional().describe('elevenlabs'),
    use_speaker_boost: z.boolean().optional().describe('elevenlabs'),
    similarity: z.number().min(0).max(1).optional().describe('fish'),
  }).optional(),
});

export const watermark = z.object({
  image: assetInput,
  opacity: z.number().min(0).max(1).optional(),
  scale: z.number().positive().max(10).optional(),
  position: z.enum(['top_left', 'top_right', 'bottom_left', 'bottom_right']).optional(),
  offset_x: z.number().min(-1).max(1).optional(),
  offset_y: z.number().min(-1).max(1).optional(),
}).describe('Logo overlay; offsets are fractions of the frame.');

export const captions = z.enum(['srt', 'burned_in']).describe('srt: a sidecar subtitle file; burned_in: also drawn into the picture.');

export const speechInput = {
  script: script.optional().describe('One of script, audio_url, audio_asset_id.'),
  voice_id: heygenId('voice_id').optional(),
  audio_url: httpsUrl.optional(),
  audio_asset_id: heygenId('audio_asset_id').optional(),
  voice_settings: voiceSettings.optional(),
};

type SpeechArgs = { script?: string | undefined; voice_id?: string | undefined; audio_url?: string | undefined; audio_asset_id?: string | undefined; voice_settings?: VoiceSettings | undefined };

/** Exactly one audio source; a voice only goes with a script. `prefix` names the field in errors. */
export function speechOf(a: SpeechArgs, prefix = '', opts: { voiceRequired?: boolean; optional?: boolean } = {}): Speech {
  const name = (k: string) => prefix + k;
  const given = (['script', 'audio_url', 'audio_asset_id'] as const).filter((k) => a[k] !== undefined);
  if (given.length > 1) throw new InputError(name(given[1] as string), `give only one of script, audio_url, audio_asset_id (got ${given.join(' and ')})`);
  if (given.length === 0 && !opts.optional) throw new InputError(name('script'), 'give a script (with a voice), audio_url or audio_asset_id');
  if (a.voice_id !== undefined && a.script === undefined) throw new InputError(name('voice_id'), 'a voice only applies to a script; recorded audio keeps its own voice');
  if (opts.voiceRequired && a.script !== undefined && a.voice_id === undefined) throw new InputError(name('voice_id'), 'required with a script here (no avatar default voice); find one with list_voices');
  if (a.voice_settings?.engine_settings) checkEngineSettings(a.voice_settings.engine_settings, name('voice_settings.engine_settings'));
  return pick(a, ['script', 'voice_id', 'audio_url', 'audio_asset_id', 'voice_settings']);
}

const ENGINE_FIELDS: Record<string, { keys: string[]; models: string[] }> = {
  elevenlabs: { keys: ['model', 'stability', 'similarity_boost', 'style', 'use_speaker_boost'], models: ['eleven_multilingual_v2', 'eleven_turbo_v2_5', 'eleven_flash_v2_5', 'eleven_v3'] },
  fish: { keys: ['model', 'stability', 'similarity'], models: ['s1', 's2-pro'] },
  starfish: { keys: [], models: [] },
};

/** The flat engine_settings object must hold only what its engine_type's variant defines. */
function checkEngineSettings(e: { engine_type: string; model?: string | undefined } & Record<string, unknown>, field: string): void {
  const spec = ENGINE_FIELDS[e.engine_type] as { keys: string[]; models: string[] };
  for (const [k, v] of Object.entries(e)) {
    if (k === 'engine_type' || v === undefined) continue;
    if (!spec.keys.includes(k)) throw new InputError(`${field}.${k}`, `not a ${e.engine_type} setting (allowed: ${spec.keys.join(', ') || 'none'})`);
  }
  if (e.model !== undefined && !spec.models.includes(e.model)) throw new InputError(`${field}.model`, `${e.engine_type} models are ${spec.models.join(', ')}`);
}

export const backgroundInput = {
  background_color: hexColour.optional().describe('One of background_color / _image_url / _image_asset_id.'),
  background_image_url: httpsUrl.optional(),
  background_image_asset_id: heygenId('background_image_asset_id').optional(),
};

export function backgroundOf(a: { background_color?: string | undefined; background_image_url?: string | undefined; background_image_asset_id?: string | undefined }, outputFormat?: string): Background | undefined {
  const given = (['background_color', 'background_image_url', 'background_image_asset_id'] as const).filter((k) => a[k] !== undefined);
  if (given.length > 1) throw new InputError(given[1] as string, `give only one background (got ${given.join(' and ')})`);
  if (given.length && outputFormat === 'webm') throw new InputError(given[0] as string, 'webm output is transparent: leave the background out');
  if (a.background_color) return { type: 'color', value: a.background_color };
  if (a.background_image_url) return { type: 'image', url: a.background_image_url };
  if (a.background_image_asset_id) return { type: 'image', asset_id: a.background_image_asset_id };
  return undefined;
}

export function captionOf(c: 'srt' | 'burned_in' | undefined): Caption | undefined {
  if (!c) return undefined;
  return c === 'burned_in' ? { file_format: 'srt', style: 'default' } : { file_format: 'srt' };
}

export function watermarkOf(w: z.output<typeof watermark> | undefined): Watermark | undefined {
  if (!w) return undefined;
  const placement = pick(w, ['position', 'offset_x', 'offset_y']);
  return { image: assetOf(w.image, 'watermark.image'), ...pick(w, ['opacity', 'scale']), ...(Object.keys(placement).length ? { placement } : {}) };
}

/** Copies only the keys that are set, so the body never carries `undefined` or invented nulls. */
export function pick<T extends object, K extends keyof T>(o: T, keys: readonly K[]): { [P in K]?: Exclude<T[P], undefined> } {
  const out: Partial<Record<K, unknown>> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out as { [P in K]?: Exclude<T[P], undefined> };
}

/** Output of every async create: what to do next is in the note and the resource link. */
export const createdOutput = {
  video_id: z.string(),
  status: z.string().optional(),
  output_format: z.string().optional(),
};
