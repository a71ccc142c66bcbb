import type { VideoTranslation } from '../heygen/api/translations.js';
import { failedWith, type JobKind, type JobStatus } from './kind.js';

/** Job kinds of video translation: translations and their proofreads. */

const enc = encodeURIComponent;

export function translationStatus(t: VideoTranslation): JobStatus {
  const done = t.status === 'completed';
  const failed = t.status === 'failed';
  const ids = { video_translation_id: t.id, title: t.title, output_language: t.output_language };
  return {
    status: t.status,
    done,
    failed: false,
    ...(done ? { progress: 100 } : {}),
    ...(failed ? failedWith('translation_failed', t.failure_message, 'HeyGen reported the translation as failed.') : {}),
    created_at: t.created_at,
    result: done
      ? { ...ids, duration: t.duration, video_url: t.video_url, audio_url: t.audio_url, srt_caption_url: t.srt_caption_url, vtt_caption_url: t.vtt_caption_url }
      : ids,
  };
}

export const translationKind: JobKind = {
  kind: 'video_translation',
  getTool: 'get_video_translation',
  resourceUri: (id) => `heygen://video-translations/${enc(id)}`,
  async fetch(heygen, id, call) {
    return translationStatus(await heygen.translations.get(id, call));
  },
};

export const proofreadKind: JobKind = {
  kind: 'proofread',
  getTool: 'get_translation_proofread',
  resourceUri: (id) => `heygen://proofreads/${enc(id)}`,
  async fetch(heygen, id, call) {
    const p = await heygen.translations.getProofread(id, call);
    const done = p.status === 'completed';
    return {
      status: p.status,
      done,
      failed: false,
      ...(done ? { progress: 100 } : {}),
      ...(p.status === 'failed' ? failedWith('proofread_failed', p.failure_message, 'HeyGen could not prepare the subtitles.') : {}),
      created_at: p.created_at,
      // Completed means the subtitles are ready for review, not that a video exists yet.
      result: { proofread_id: p.id, title: p.title, output_language: p.output_language, ...(done ? { next: 'get_proofread_subtitles, then generate_from_proofread' } : {}) },
    };
  },
};

