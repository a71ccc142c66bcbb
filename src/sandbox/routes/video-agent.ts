import { z } from 'zod';
import { ApiError, notFound } from '../errors.js';
import { ok, page, type Ctx, type RouteDef } from '../http-server.js';
import { DURATIONS, newId, type AgentRun, type AgentSession } from '../jobs.js';
import { mediaInput, opt, paginate, parseBody, str } from '../validate.js';
import { checkMedia, newVideo, requireLook, requireVoice, videoStatus, videoView } from './common.js';

const createBody = z.object({
  prompt: z.string().min(1).max(10000), mode: z.enum(['generate', 'chat']).optional(),
  avatar_id: opt(str), voice_id: opt(str), style_id: opt(str), brand_kit_id: opt(str),
  orientation: opt(z.enum(['landscape', 'portrait'])), files: opt(z.array(mediaInput).max(20)),
  incognito_mode: z.boolean().optional(), callback_id: opt(str), callback_url: opt(str),
});
const sendBody = z.object({
  message: z.string().min(1).max(10000), avatar_id: opt(str), voice_id: opt(str), brand_kit_id: opt(str), files: opt(z.array(mediaInput).max(20)),
});

function checkRefs(ctx: Ctx, b: { avatar_id?: string | null; voice_id?: string | null; files?: { type: string; asset_id?: string }[] | null; style_id?: string | null }): void {
  if (b.avatar_id) requireLook(ctx, b.avatar_id);
  if (b.voice_id) requireVoice(ctx, b.voice_id);
  if (b.style_id && !ctx.core.catalog.styles.some((s) => s.style_id === b.style_id)) throw new ApiError(404, 'not_found', `Style '${b.style_id}' was not found`, 'style_id');
  b.files?.forEach((f, i) => checkMedia(ctx, f, `files.${i}`));
}

function startRun(ctx: Ctx, s: AgentSession, message: string, withVideo: boolean, d: { thinking: number; generating: number }): AgentRun {
  const run: AgentRun = { startMs: ctx.core.nowMs(), thinking: d.thinking, generating: withVideo ? d.generating : 0, message, videoId: null, runId: newId(8) };
  if (withVideo) {
    const v = newVideo(ctx.core, ctx.state, {
      id: newId(), title: s.title, sessionId: s.id, orientation: s.orientation, durationSec: 3.0,
      phases: [['pending', d.thinking], ['processing', d.generating]],
    });
    run.videoId = v.id;
  }
  s.runs.push(run);
  return run;
}

interface SessionView { status: string; progress: number; videoId: string | null; messages: Record<string, unknown>[] }

function sessionState(ctx: Ctx, s: AgentSession): SessionView {
  const core = ctx.core;
  const messages: Record<string, unknown>[] = [];
  let status = 'thinking';
  let progress = 0;
  let videoId: string | null = null;
  const at = (ms: number) => Math.floor(ms / 1000);
  s.runs.forEach((run, idx) => {
    const el = core.elapsed(run.startMs);
    const elStop = s.stoppedMs !== null && s.stoppedMs >= run.startMs ? Math.min(el, ((s.stoppedMs - run.startMs) / 1000) * core.speed) : el;
    messages.push({ role: 'user', type: 'text', content: run.message, created_at: at(run.startMs), resource_ids: null });
    const tMs = (sec: number) => run.startMs + (sec * 1000) / core.speed;
    if (run.videoId) videoId = run.videoId;
    if (elStop < run.thinking) {
      status = 'thinking';
      progress = Math.floor((elStop / (run.thinking + run.generating)) * 100);
      return;
    }
    if (run.generating === 0) {
      messages.push({
        role: 'model', type: 'text', created_at: at(tMs(run.thinking)), resource_ids: [`${s.id}-draft-${idx}`],
        content: 'I drafted a script and a storyboard. Tell me what to change, or say "go" and I will render the video.',
      });
      status = 'waiting_for_input';
      progress = 10;
      return;
    }
    messages.push({ role: 'model', type: 'text', created_at: at(tMs(run.thinking)), resource_ids: null, content: 'Plan ready: writing the script, choosing visuals and voice, then rendering.' });
    messages.push({ role: 'model', type: 'resource', created_at: at(tMs(run.thinking)), content: 'Script draft and storyboard', resource_ids: [`${s.id}-draft-${idx}`, `${s.id}-storyboard-${idx}`] });
    const v = run.videoId ? ctx.state.videos.get(run.videoId) : undefined;
    const vs = v ? videoStatus(core, v) : undefined;
    if (elStop < run.thinking + run.generating) {
      status = 'generating';
      progress = Math.min(99, Math.floor((elStop / (run.thinking + run.generating)) * 100));
      return;
    }
    const outcome = vs?.status === 'failed' || core.outcome(s.id) === 'failed' ? 'failed' : 'completed';
    status = outcome;
    progress = 100;
    if (outcome === 'completed') {
      messages.push({ role: 'model', type: 'resource', created_at: at(tMs(run.thinking + run.generating)), content: 'Your video is ready.', resource_ids: [`${s.id}-video-${idx}`] });
    } else {
      messages.push({ role: 'model', type: 'error', created_at: at(tMs(run.thinking + run.generating)), content: 'Rendering failed. Send a message to try again.', resource_ids: null });
    }
  });
  if (s.stoppedMs !== null && status !== 'completed' && status !== 'failed') {
    status = 'failed';
    messages.push({ role: 'model', type: 'error', created_at: at(s.stoppedMs), content: 'The session was stopped on request.', resource_ids: null });
  }
  // The API lists the latest 40 messages newest first.
  return { status, progress, videoId, messages: messages.slice(-40).reverse() };
}

function requireSession(ctx: Ctx): AgentSession {
  const id = ctx.params['session_id'] ?? '';
  const s = ctx.state.sessions.get(id);
  if (!s) throw notFound('not_found', 'Session', id);
  return s;
}

export const videoAgentRoutes: RouteDef[] = [
  {
    method: 'POST', path: '/v3/video-agents', handler: (ctx) => {
      const b = parseBody(createBody, ctx.body);
      checkRefs(ctx, b);
      ctx.core.charge(ctx.state, 'agent');
      const mode = b.mode ?? 'generate';
      const s: AgentSession = {
        id: newId(), mode, prompt: b.prompt, title: b.prompt.replace(/\s+/g, ' ').slice(0, 60), createdAt: ctx.core.nowSec(),
        runs: [], stoppedMs: null, orientation: b.orientation ?? 'landscape',
      };
      ctx.state.sessions.set(s.id, s);
      const run = mode === 'generate' ? startRun(ctx, s, b.prompt, true, DURATIONS.agent) : startRun(ctx, s, b.prompt, false, { thinking: DURATIONS.agentChatThinking, generating: 0 });
      return ok({ session_id: s.id, status: 'thinking', video_id: run.videoId, created_at: s.createdAt });
    },
  },
  {
    method: 'GET', path: '/v3/video-agents', handler: (ctx) => {
      const items = [...ctx.state.sessions.values()].reverse();
      const p = paginate(items, ctx.query, 'sessions', { max: 100, def: 20 });
      return page({ ...p, data: p.data.map((s) => ({ session_id: s.id, title: s.title, created_at: s.createdAt })) });
    },
  },
  {
    method: 'GET', path: '/v3/video-agents/styles', handler: (ctx) => {
      const tag = ctx.query['tag']?.toLowerCase();
      const items = ctx.core.catalog.styles.filter((s) => !tag || s.tags.includes(tag));
      const p = paginate(items, ctx.query, `styles|${tag ?? ''}`, { max: 100, def: 20 });
      return page({
        ...p, data: p.data.map((s) => ({
          style_id: s.style_id, name: s.name, tags: s.tags, aspect_ratio: s.aspect_ratio,
          thumbnail_url: ctx.core.fileUrl(s.style_id, 'preview.jpg'),
          preview_video_url: ctx.core.fileUrl(s.style_id, s.aspect_ratio === '9:16' ? 'sample-portrait.mp4' : 'sample.mp4'),
        })),
      });
    },
  },
  {
    method: 'GET', path: '/v3/video-agents/{session_id}', handler: (ctx) => {
      const s = requireSession(ctx);
      const st = sessionState(ctx, s);
      return ok({ session_id: s.id, title: s.title, created_at: s.createdAt, status: st.status, progress: st.progress, video_id: st.videoId, messages: st.messages });
    },
  },
  {
    method: 'POST', path: '/v3/video-agents/{session_id}', handler: (ctx) => {
      const s = requireSession(ctx);
      const b = parseBody(sendBody, ctx.body);
      if (s.mode !== 'chat') throw new ApiError(400, 'invalid_parameter', 'Follow-up messages are only accepted by sessions created with mode "chat"', 'session_id');
      const st = sessionState(ctx, s);
      if (st.status === 'thinking' || st.status === 'generating') throw new ApiError(409, 'conflict', 'The agent is still working on the previous message; wait until it asks for input or finishes');
      checkRefs(ctx, b);
      ctx.core.charge(ctx.state, 'agent_send');
      s.stoppedMs = null;
      const run = startRun(ctx, s, b.message, true, DURATIONS.agentRevision);
      return ok({ session_id: s.id, run_id: run.runId, title: s.title });
    },
  },
  {
    method: 'POST', path: '/v3/video-agents/{session_id}/stop', handler: (ctx) => {
      const s = requireSession(ctx);
      const st = sessionState(ctx, s);
      if (st.status !== 'completed' && st.status !== 'failed' && s.stoppedMs === null) {
        s.stoppedMs = ctx.core.nowMs();
        for (const run of s.runs) {
          const v = run.videoId ? ctx.state.videos.get(run.videoId) : undefined;
          if (v && !videoStatus(ctx.core, v).done) ctx.core.outcomes.set(v.id, 'failed');
        }
      }
      return ok({ session_id: s.id });
    },
  },
  {
    method: 'GET', path: '/v3/video-agents/{session_id}/videos', handler: (ctx) => {
      const s = requireSession(ctx);
      const vids = s.runs.map((r) => r.videoId).filter((x): x is string => !!x).reverse()
        .map((id) => ctx.state.videos.get(id)).filter((v) => v !== undefined);
      return page({ data: vids.map((v) => videoView(ctx.core, v)), has_more: false, next_token: null });
    },
  },
  {
    method: 'GET', path: '/v3/video-agents/{session_id}/resources/{resource_id}', handler: (ctx) => {
      const s = requireSession(ctx);
      const rid = ctx.params['resource_id'] ?? '';
      const m = rid.startsWith(`${s.id}-`) ? /^(draft|storyboard|video)-(\d+)$/.exec(rid.slice(s.id.length + 1)) : null;
      const run = m ? s.runs[Number(m[2])] : undefined;
      if (!m || !run) throw notFound('not_found', 'Resource', rid);
      const kind = m[1] as string;
      const created = Math.floor((run.startMs + (run.thinking * 1000) / ctx.core.speed) / 1000);
      if (kind === 'video') {
        const v = run.videoId ? ctx.state.videos.get(run.videoId) : undefined;
        if (!v) throw notFound('not_found', 'Resource', rid);
        const view = videoView(ctx.core, v);
        return ok({ resource_id: rid, resource_type: 'video', source_type: 'generated', created_at: created, url: view['video_url'], preview_url: view['video_url'], thumbnail_url: view['thumbnail_url'], metadata: { video_id: v.id, duration: v.durationSec } });
      }
      return ok({
        resource_id: rid, resource_type: kind === 'draft' ? 'draft' : 'image', source_type: 'generated', created_at: created,
        url: kind === 'draft' ? ctx.core.fileUrl(rid, 'captions.srt') : ctx.core.fileUrl(rid, 'preview.png'),
        preview_url: ctx.core.fileUrl(rid, 'preview.jpg'), thumbnail_url: ctx.core.fileUrl(rid, 'preview.jpg'),
        metadata: kind === 'draft' ? { prompt: s.prompt, scenes: 3 } : { width: 160, height: 90 },
      });
    },
  },
];

