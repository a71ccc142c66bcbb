import { failedWith, type JobKind } from './kind.js';

/** Jobs that end in a catalog entry: avatar training and voice clones. */

const enc = encodeURIComponent;

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
