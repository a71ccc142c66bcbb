import type { HeyGenClient } from '../heygen/client.js';
import type { CallOptions } from '../heygen/http.js';
import type { Video } from '../heygen/api/videos.js';
import type { Session } from '../heygen/api/video-agents.js';
import type { JobKind, JobStatus } from './kind.js';

/** The fields of a finished video that an agent uses next (download, share, captions). */
export function videoResult(v: Video): JobStatus['result'] {
  return {
    video_id: v.id,
    title: v.title,
    duration: v.duration,
    video_url: v.video_url,
    captioned_video_url: v.captioned_video_url,
    subtitle_url: v.subtitle_url,
    thumbnail_url: v.thumbnail_url,
    video_page_url: v.video_page_url,
  };
}

export function videoStatus(v: Video): JobStatus {
  const done = v.status === 'completed';
  const failed = v.status === 'failed';
  return {
    status: v.status,
    done,
    failed,
    ...(done ? { progress: 100 } : {}),
    ...(failed ? { failure_code: v.failure_code ?? 'failed', failure_message: v.failure_message ?? 'HeyGen reported the render as failed.' } : {}),
    created_at: v.created_at,
    result: done ? videoResult(v) : { video_id: v.id, title: v.title },
  };
}

export const videoKind: JobKind = {
  kind: 'video',
  getTool: 'get_video',
  resourceUri: (id) => `heygen://videos/${encodeURIComponent(id)}`,
  async fetch(heygen, id, call) {
    return videoStatus(await heygen.videos.get(id, call));
  },
};

/** Newest message of a role/type (HeyGen lists newest first; a stable sort keeps ties in that order). */
function latest(s: Session, pick: (m: NonNullable<Session['messages']>[number]) => boolean): string | undefined {
  const msgs = [...(s.messages ?? [])].filter(pick).sort((a, b) => (b.created_at ?? 0) - (a.created_at ?? 0));
  return msgs[0]?.content;
}

async function sessionStatus(heygen: HeyGenClient, s: Session, call: CallOptions): Promise<JobStatus> {
  const base = { status: s.status, progress: s.progress, created_at: s.created_at };
  const ids = { session_id: s.session_id, video_id: s.video_id, title: s.title };
  if (s.status === 'failed') {
    const why = latest(s, (m) => m.type === 'error') ?? 'The Video Agent session failed.';
    return { ...base, done: false, failed: true, failure_code: 'session_failed', failure_message: why, result: ids };
  }
  if (s.status === 'waiting_for_input') {
    // Chat mode: the agent asked something. Only a person can answer, so waiting stops here.
    return { ...base, done: false, failed: false, needs_input: true, result: { ...ids, agent_message: latest(s, (m) => m.role === 'model') } };
  }
  if (s.status !== 'completed') return { ...base, done: false, failed: false, result: ids };
  if (!s.video_id) return { ...base, done: true, failed: false, progress: 100, result: ids };
  // A completed session names its video; the download URL lives on the video itself.
  const v = videoStatus(await heygen.videos.get(s.video_id, call));
  if (v.failed) return { ...base, done: false, failed: true, failure_code: v.failure_code, failure_message: v.failure_message, result: ids };
  if (!v.done) return { ...base, status: 'rendering', done: false, failed: false, result: ids };
  return { ...base, done: true, failed: false, progress: 100, result: { ...v.result, ...ids } };
}

export const sessionKind: JobKind = {
  kind: 'video_agent_session',
  getTool: 'get_video_agent_session',
  resourceUri: (id) => `heygen://video-agent/sessions/${encodeURIComponent(id)}`,
  async fetch(heygen, id, call) {
    return sessionStatus(heygen, await heygen.videoAgents.get(id, call), call);
  },
};
