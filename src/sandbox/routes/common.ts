import type { GroupRec, LookRec, VoiceRec } from '../catalog.js';
import { ApiError, badParam } from '../errors.js';
import type { Ctx, SimCore } from '../http-server.js';
import { DURATIONS, FAILURES, phaseAt, type KeyState, type VideoJob } from '../jobs.js';

export function findVoice(ctx: Ctx, id: string): VoiceRec | undefined {
  if (ctx.state.deletedVoices.has(id)) return undefined;
  return ctx.core.catalog.voiceById.get(id) ?? ctx.state.voices.get(id);
}

export function findLook(ctx: Ctx, id: string): LookRec | undefined {
  return ctx.core.catalog.lookById.get(id) ?? ctx.state.looks.get(id);
}

export function findGroup(ctx: Ctx, id: string): GroupRec | undefined {
  return ctx.core.catalog.groupById.get(id) ?? ctx.state.groups.get(id);
}

export function requireVoice(ctx: Ctx, id: string, param = 'voice_id'): VoiceRec {
  const v = findVoice(ctx, id);
  if (!v) throw new ApiError(404, 'voice_not_found', `Voice '${id}' was not found`, param);
  return v;
}

export function requireLook(ctx: Ctx, id: string, param = 'avatar_id'): LookRec {
  const l = findLook(ctx, id);
  if (!l) throw new ApiError(404, 'avatar_not_found', `Avatar '${id}' was not found`, param);
  const training = ctx.state.training.get(l.group_id);
  if (training && avatarStatus(ctx.core, training, l.group_id) !== 'completed') {
    throw new ApiError(400, 'invalid_parameter', `Avatar '${id}' is not ready (training or consent pending)`, param);
  }
  return l;
}

/** Checks an AssetInput union value: asset ids must exist for this key. */
export function checkMedia(ctx: Ctx, input: { type: string; asset_id?: string } | null | undefined, param: string): void {
  if (input?.type === 'asset_id' && input.asset_id && !ctx.state.assets.has(input.asset_id)) {
    throw new ApiError(400, 'asset_not_available', `Asset '${input.asset_id}' does not exist or is not ready`, `${param}.asset_id`);
  }
}

export function avatarStatus(core: SimCore, t: { createdMs: number; needsConsent: boolean; consentMs: number | null; seconds: number }, groupId: string): string {
  if (t.needsConsent && t.consentMs === null) return 'pending_consent';
  const start = t.needsConsent ? (t.consentMs as number) : t.createdMs;
  const ps = phaseAt([['processing', t.seconds]], core.elapsed(start), 'completed');
  return ps.done ? core.outcome(groupId) : ps.status;
}

export function videoFixture(v: Pick<VideoJob, 'format' | 'orientation'>): string {
  if (v.format === 'webm') return 'sample.webm';
  return v.orientation === 'portrait' ? 'sample-portrait.mp4' : 'sample.mp4';
}

export function videoStatus(core: SimCore, v: VideoJob): { status: string; done: boolean; fraction: number } {
  const ps = phaseAt(v.phases, core.elapsed(v.startMs), core.outcome(v.id, v.sessionId));
  return { status: ps.status, done: ps.done, fraction: ps.fraction };
}

export function videoView(core: SimCore, v: VideoJob): Record<string, unknown> {
  const st = videoStatus(core, v);
  const done = st.status === 'completed';
  const total = v.phases.reduce((s, [, d]) => s + d, 0);
  const out: Record<string, unknown> = {
    id: v.id, title: v.title, status: st.status, created_at: v.createdAt,
    completed_at: st.done ? Math.floor((v.startMs + (total * 1000) / core.speed) / 1000) : null,
    duration: done ? v.durationSec : null,
    folder_id: v.folderId, output_language: v.outputLanguage,
    video_url: done ? core.fileUrl(v.id, videoFixture(v)) : null,
    captioned_video_url: done && v.captions ? core.fileUrl(`${v.id}_captioned`, videoFixture(v)) : null,
    subtitle_url: done && v.captions ? core.fileUrl(v.id, 'captions.srt') : null,
    thumbnail_url: done ? core.fileUrl(v.id, 'preview.jpg') : null,
    gif_url: done ? core.fileUrl(v.id, 'preview.gif') : null,
    video_page_url: done ? `${core.baseUrl}/share/${v.id}` : null,
    failure_code: null, failure_message: null,
  };
  if (st.status === 'failed') {
    const [code, message] = FAILURES['video'] as [string, string];
    out['failure_code'] = code;
    out['failure_message'] = message;
  }
  return out;
}

export function newVideo(core: SimCore, state: KeyState, init: Partial<VideoJob> & { id: string }): VideoJob {
  const v: VideoJob = {
    title: null, startMs: core.nowMs(), phases: [['pending', DURATIONS.video.pending], ['processing', DURATIONS.video.processing]],
    orientation: 'landscape', format: 'mp4', folderId: null, captions: false, gif: true, durationSec: 3.0,
    outputLanguage: null, createdAt: core.nowSec(), ...init,
  };
  state.videos.set(v.id, v);
  return v;
}

export function orientationOf(aspect: string | null | undefined, fallback: 'landscape' | 'portrait' = 'landscape'): 'landscape' | 'portrait' {
  if (aspect === '9:16' || aspect === '4:5') return 'portrait';
  if (aspect === 'auto' || aspect === null || aspect === undefined) return fallback;
  return 'landscape';
}

/** Comma-separated id list (≤ 100) from a query parameter. */
export function idList(query: Record<string, string>, name: string): string[] {
  const raw = query[name];
  if (!raw) return [];
  const ids = raw.split(',').map((s) => s.trim()).filter(Boolean);
  if (ids.length > 100) throw badParam(name, `'${name}' accepts at most 100 ids`);
  return ids;
}

/** Status of a job for the bulk `statuses` endpoints. */
export function bulkStatus(status: string): string {
  if (status === 'pending' || status === 'waiting') return 'queued';
  if (status === 'running') return 'processing';
  return status;
}
