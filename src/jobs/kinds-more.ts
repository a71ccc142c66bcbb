import type { VideoTranslation } from '../heygen/api/translations.js';
import type { JobKind, JobStatus } from './kind.js';

/**
 * Job kinds beyond videos: translations, proofreads, lipsyncs, avatar training and voice clones.
 * Each maps its resource's own status words onto JobStatus.
 */

const enc = encodeURIComponent;

function failedWith(code: string, message: string | undefined, fallback: string): Pick<JobStatus, 'failed' | 'failure_code' | 'failure_message'> {
  return { failed: true, failure_code: code, failure_message: message ?? fallback };
}

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

export const lipsyncKind: JobKind = {
  kind: 'lipsync',
  getTool: 'get_lipsync',
  resourceUri: (id) => `heygen://lipsyncs/${enc(id)}`,
  async fetch(heygen, id, call) {
    const j = await heygen.lipsyncs.get(id, call);
    const done = j.status === 'completed';
    return {
      status: j.status,
      done,
      failed: false,
      ...(done ? { progress: 100 } : {}),
      ...(j.status === 'failed' ? failedWith('lipsync_failed', j.failure_message, 'HeyGen reported the lipsync as failed.') : {}),
      created_at: j.created_at,
      result: done ? { lipsync_id: j.id, title: j.title, duration: j.duration, video_url: j.video_url, caption_url: j.caption_url } : { lipsync_id: j.id, title: j.title },
    };
  },
};

export const avatarGroupKind: JobKind = {
  kind: 'avatar_group',
  getTool: 'get_avatar_group',
  resourceUri: (id) => `heygen://avatars/${enc(id)}`,
  async fetch(heygen, id, call) {
    const g = await heygen.avatars.getGroup(id, call);
    // Public groups carry no training status: they are ready by definition.
    const status = g.status ?? 'completed';
    const ids = { group_id: g.id, name: g.name, consent_status: g.consent_status };
    if (status === 'pending_consent') {
      // Training waits for the avatar's owner to give consent; polling cannot move it on.
      return {
        status, done: false, failed: false, needs_input: true, created_at: g.created_at,
        result: { ...ids, next: 'The person in the avatar must give consent: call start_avatar_consent and have them follow the URL.' },
      };
    }
    const done = status === 'completed';
    return {
      status,
      done,
      failed: false,
      ...(done ? { progress: 100 } : {}),
      ...(status === 'failed' ? failedWith(g.error?.code ?? 'training_failed', g.error?.message, 'Avatar training failed.') : {}),
      created_at: g.created_at,
      result: done ? { ...ids, preview_image_url: g.preview_image_url, next: 'list_avatar_looks with this group_id gives the avatar_id for videos' } : ids,
    };
  },
};

export const voiceCloneKind: JobKind = {
  kind: 'voice_clone',
  getTool: 'get_voice',
  resourceUri: (id) => `heygen://voices/${enc(id)}`,
  async fetch(heygen, id, call) {
    const v = await heygen.voices.get(id, call);
    // Voice clones finish as "complete", not "completed"; catalog voices carry no status at all.
    const done = v.status === undefined || v.status === 'complete' || v.status === 'completed';
    return {
      status: v.status ?? 'complete',
      done,
      failed: false,
      ...(done ? { progress: 100 } : {}),
      ...(v.status === 'failed' ? failedWith('clone_failed', v.failure_message, 'Voice cloning failed.') : {}),
      created_at: v.created_at,
      result: done ? { voice_id: v.voice_id, name: v.name, language: v.language, preview_audio_url: v.preview_audio_url } : { voice_id: v.voice_id, name: v.name },
    };
  },
};
