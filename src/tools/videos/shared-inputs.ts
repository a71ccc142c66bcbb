import { z } from 'zod';
import type { MediaRef } from '../../heygen/api/media.js';
import type { Background, Caption, EngineSettings, Speech, Watermark } from '../../heygen/api/videos.js';
import { InputError } from '../../errors.js';
import { heygenId, text } from '../fields.js';
import { IMAGE, media, mediaOf } from '../media.js';

/** 5,000 characters: the v2 per-scene script limit HeyGen still enforces on v3 renders. */
export const SCRIPT_MAX = 5000;
/** Free text in fields nested in objects, where no length is advertised (the matrix bounds top-level inputs). */
export const nestedText = (max: number) => z.string().trim().refine((v) => v.length > 0 && v.length <= max, `1–${max} characters`);
export const script = text(SCRIPT_MAX);

export const hexColour = z.string().refine((v) => /^#[0-9a-fA-F]{6}$/.test(v), 'a hex colour like #1A2B3C');
export const title = () => text(200);
export const callbackId = () => text(200);

export const aspectRatio = z.enum(['16:9', '9:16', '4:5', '5:4', '1:1', 'auto']);
export const resolution = z.enum(['4k', '1080p', '720p']);
export const expressiveness = z.enum(['high', 'medium', 'low']);
export const motionPrompt = text(1000);
export const captions = z.enum(['srt', 'burned_in']);

/** A number checked server-side; its range is said in the owner's description, not per field. */
export const within = (min: number, max: number) => z.number().refine((v) => v >= min && v <= max, `between ${min} and ${max}`);

const ENGINES = {
  elevenlabs: { keys: ['model', 'stability', 'similarity', 'style', 'speaker_boost'], models: ['eleven_multilingual_v2', 'eleven_turbo_v2_5', 'eleven_flash_v2_5', 'eleven_v3'] },
  fish: { keys: ['model', 'stability', 'similarity'], models: ['s1', 's2-pro'] },
  starfish: { keys: [], models: [] },
} as const;

/** v3 voice_settings with its engine_settings union flattened into a few optional fields. */
export const voiceSettings = z.object({
  speed: within(0.5, 1.5).optional(),
  pitch: within(-50, 50).optional(),
  volume: within(0, 1).optional(),
  locale: z.string().refine((v) => v.length <= 35 && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(v), 'a locale like en-US').optional(),
  engine: z.enum(['elevenlabs', 'fish', 'starfish']).optional(),
  model: z.string().refine((v) => v.length <= 40, 'an engine model name').optional(),
  stability: within(0, 1).optional(),
  similarity: within(0, 1).optional(),
  style: within(0, 1).optional(),
  speaker_boost: z.boolean().optional(),
}).describe('speed .5–1.5, pitch ±50, rest 0–1');

type VoiceArgs = z.output<typeof voiceSettings>;

function voiceSettingsOf(v: VoiceArgs, field: string): Speech['voice_settings'] {
  const { engine, model, stability, similarity, style, speaker_boost, ...plain } = v;
  const tuned = { model, stability, similarity, style, speaker_boost };
  const set = Object.entries(tuned).filter(([, x]) => x !== undefined).map(([k]) => k);
  if (!engine) {
    if (set.length) throw new InputError(`${field}.${set[0]}`, 'needs engine (elevenlabs or fish)');
    return plain;
  }
  const spec = ENGINES[engine];
  const wrong = set.find((k) => !(spec.keys as readonly string[]).includes(k));
  if (wrong) throw new InputError(`${field}.${wrong}`, `not a ${engine} setting (allowed: ${spec.keys.join(', ') || 'none'})`);
  if (model !== undefined && !(spec.models as readonly string[]).includes(model)) throw new InputError(`${field}.model`, `${engine} models are ${spec.models.join(', ')}`);
  const engine_settings: EngineSettings = engine === 'elevenlabs'
    ? { engine_type: engine, ...pick({ model, stability, similarity_boost: similarity, style, use_speaker_boost: speaker_boost }, ['model', 'stability', 'similarity_boost', 'style', 'use_speaker_boost']) }
    : engine === 'fish' ? { engine_type: engine, ...pick({ model, stability, similarity }, ['model', 'stability', 'similarity']) } : { engine_type: engine };
  return { ...plain, engine_settings };
}

/** Watermark with its placement flattened; the image is a file string. */
export const watermark = z.object({
  image: media({ inline: IMAGE, nested: true }),
  opacity: within(0, 1).optional(),
  scale: z.number().refine((v) => v > 0 && v <= 10, 'above 0, at most 10').optional(),
  position: z.enum(['top_left', 'top_right', 'bottom_left', 'bottom_right']).optional(),
  offset_x: within(-1, 1).optional(),
  offset_y: within(-1, 1).optional(),
});

export const speechInput = {
  script: script.optional(),
  voice_id: heygenId().optional(),
  audio: media().optional(),
  voice_settings: voiceSettings.optional(),
};

type SpeechArgs = { script?: string | undefined; voice_id?: string | undefined; audio?: MediaRef | undefined; voice_settings?: VoiceArgs | undefined };

/** Script XOR recorded audio; a voice only goes with a script. `prefix` names the field in errors. */
export function speechOf(a: SpeechArgs, prefix = '', opts: { voiceRequired?: boolean; optional?: boolean } = {}): Speech {
  const name = (k: string) => prefix + k;
  if (a.script !== undefined && a.audio !== undefined) throw new InputError(name('audio'), 'give only one of script, audio (got script and audio)');
  if (a.script === undefined && a.audio === undefined && !opts.optional) throw new InputError(name('script'), 'give a script (with a voice) or audio');
  if (a.voice_id !== undefined && a.script === undefined) throw new InputError(name('voice_id'), 'a voice only applies to a script; recorded audio keeps its own voice');
  if (opts.voiceRequired && a.script !== undefined && a.voice_id === undefined) throw new InputError(name('voice_id'), 'required with a script here (no avatar default voice); find one with list_voices');
  // v3 spells recorded audio as two flat fields, not as the media object.
  const audio: Pick<Speech, 'audio_url' | 'audio_asset_id'> = !a.audio ? {} : a.audio.type === 'url' ? { audio_url: a.audio.url } : { audio_asset_id: a.audio.asset_id };
  const settings = a.voice_settings ? voiceSettingsOf(a.voice_settings, name('voice_settings')) : undefined;
  return { ...pick(a, ['script', 'voice_id']), ...audio, ...(settings ? { voice_settings: settings } : {}) };
}

/** One string for the three v3 background sources; `#` means colour, https an image, else an asset id. */
export const background = z.string().max(2048).describe('#hex colour, https image URL or asset id');

export function backgroundOf(v: string | undefined, outputFormat?: string): Background | undefined {
  if (v === undefined) return undefined;
  if (outputFormat === 'webm') throw new InputError('background', 'webm output is transparent: leave the background out');
  if (v.startsWith('#')) {
    if (!/^#[0-9a-fA-F]{6}$/.test(v)) throw new InputError('background', 'a hex colour like #1A2B3C');
    return { type: 'color', value: v };
  }
  const file = mediaOf(v, 'background');
  return file.type === 'url' ? { type: 'image', url: file.url } : { type: 'image', asset_id: file.asset_id };
}

export function captionOf(c: 'srt' | 'burned_in' | undefined): Caption | undefined {
  if (!c) return undefined;
  return c === 'burned_in' ? { file_format: 'srt', style: 'default' } : { file_format: 'srt' };
}

export function watermarkOf(w: z.output<typeof watermark> | undefined): Watermark | undefined {
  if (!w) return undefined;
  const placement = pick(w, ['position', 'offset_x', 'offset_y']);
  return { image: w.image, ...pick(w, ['opacity', 'scale']), ...(Object.keys(placement).length ? { placement } : {}) };
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
};
