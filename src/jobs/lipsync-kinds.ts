import { failedWith, type JobKind } from './kind.js';

/** The lipsync job kind. */

const enc = encodeURIComponent;

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

