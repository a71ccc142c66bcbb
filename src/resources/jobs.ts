import type { ServerDeps } from '../context.js';
import { jobKind } from '../jobs/kinds.js';
import type { JobKindName } from '../jobs/kind.js';
import { defineResource, jsonContents, resourceError, resourceId, template, JSON_TYPE, type ResourceDef } from './define.js';

interface StatusResource { kind: JobKindName; name: string; template: string; variable: string; title: string; description: string }

/**
 * Live status resources of the job kinds that have their own (avatar groups and voice clones
 * are read through the catalog resources). One entry per kind; the read goes through the kinds
 * table, so a status looks the same here, in wait_for_job and in subscriptions.
 */
const STATUS: StatusResource[] = [
  {
    kind: 'video', name: 'video-status', template: 'heygen://videos/{video_id}', variable: 'video_id',
    title: 'Video status', description: 'Live render status of a video; once completed, its download, captions and share URLs.',
  },
  {
    kind: 'video_agent_session', name: 'video-agent-session-status', template: 'heygen://video-agent/sessions/{session_id}', variable: 'session_id',
    title: 'Video Agent session status', description: 'Live status and progress of a Video Agent session; once completed, its video and download URL.',
  },
  {
    kind: 'video_translation', name: 'video-translation-status', template: 'heygen://video-translations/{id}', variable: 'id',
    title: 'Video translation status', description: 'Live status of a video translation; once completed, its video, audio and caption URLs.',
  },
  {
    kind: 'proofread', name: 'proofread-status', template: 'heygen://proofreads/{id}', variable: 'id',
    title: 'Translation proofread status', description: 'Live status of a proofread session; completed means its subtitles are ready for review.',
  },
  {
    kind: 'lipsync', name: 'lipsync-status', template: 'heygen://lipsyncs/{id}', variable: 'id',
    title: 'Lipsync status', description: 'Live status of a lipsync job; once completed, its video URL.',
  },
];

/** Jobs of one kind this key started lately: listed, and offered when a client completes the id. */
async function recent(deps: ServerDeps, kind: JobKindName) {
  return (await deps.state.jobs.recent(100)).filter((j) => j.kind === kind);
}

export const JOB_RESOURCES: ResourceDef[] = STATUS.map((r) => {
  const kind = jobKind(r.kind)!;
  return defineResource({
    name: r.name, uri: template(r.template), mimeType: JSON_TYPE, title: r.title, description: r.description,
    // A job's status is live: a client must not reuse an earlier read.
    ttlMs: () => 0,
    list: async (deps) => (await recent(deps, r.kind)).slice(0, 25).map((j) => ({ uri: kind.resourceUri(j.id), name: `${r.kind} ${j.id}`, mimeType: JSON_TYPE })),
    complete: { [r.variable]: async (value, deps) => (await recent(deps, r.kind)).map((j) => j.id).filter((id) => id.startsWith(value)).slice(0, 20) },
    read: async (uri, vars, call) => {
      const id = resourceId(vars, r.variable);
      try {
        return jsonContents(uri, { kind: r.kind, id, ...(await kind.fetch(call.deps.heygen, id, { signal: call.signal })) });
      } catch (err) {
        throw resourceError(uri, err, kind.getTool);
      }
    },
  });
});
