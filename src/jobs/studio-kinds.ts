import type { JobKind } from './kind.js';

/** Job kinds of the studio extras: background removals and AI clipping. */

const enc = encodeURIComponent;

export const backgroundRemovalKind: JobKind = {
  kind: 'background_removal',
  getTool: 'get_background_removal',
  resourceUri: (id) => `heygen://background-removals/${enc(id)}`,
  async fetch(heygen, id, call) {
    const j = await heygen.studio.getBackgroundRemoval(id, call);
    const done = j.status === 'completed';
    const layer = (name: string) => (typeof j.layers[name] === 'string' ? j.layers[name] as string : undefined);
    return {
      status: j.status,
      done,
      // A deleted job will never deliver its layers either.
      failed: j.status === 'failed' || j.status === 'deleted',
      ...(j.status === 'failed' || j.status === 'deleted' ? { failure_code: `background_removal_${j.status}`, failure_message: j.error ?? `HeyGen reports the job as ${j.status}.` } : {}),
      ...(done ? { progress: 100 } : {}),
      created_at: j.created_at,
      result: done ? { duration: j.duration, video_url: layer('foreground'), next: 'get_background_removal gives the URL of every layer' } : {},
    };
  },
};

export const clippingKind: JobKind = {
  kind: 'ai_clipping',
  getTool: 'get_ai_clipping',
  resourceUri: (id) => `heygen://ai-clipping/${enc(id)}`,
  async fetch(heygen, id, call) {
    const j = await heygen.studio.getClipping(id, call);
    const done = j.status === 'completed';
    const failed = j.status === 'failed' || j.status === 'cancelled';
    const best = [...j.clips].filter((c) => c.video_url).sort((a, b) => (b.virality_score ?? 0) - (a.virality_score ?? 0))[0];
    return {
      status: j.status,
      done,
      failed,
      ...(failed ? { failure_code: `ai_clipping_${j.status}`, failure_message: j.failure_message ?? `HeyGen reports the job as ${j.status}.` } : {}),
      ...(j.progress !== undefined ? { progress: j.progress } : {}),
      created_at: j.created_at,
      result: done ? { video_url: best?.video_url, clips: j.clips.length, next: 'get_ai_clipping lists every clip with its URL and score' } : {},
    };
  },
};

