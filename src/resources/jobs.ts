import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import type { ServerDeps } from '../context.js';
import { HeyGenError } from '../heygen/errors.js';
import type { JobKind } from '../jobs/kinds.js';
import { sessionKind, videoKind } from '../jobs/video-kinds.js';
import { describeError } from '../tools/errors.js';

interface StatusResource { name: string; template: string; variable: string; title: string; description: string; kind: JobKind }

const RESOURCES: StatusResource[] = [
  {
    name: 'video-status', template: 'heygen://videos/{video_id}', variable: 'video_id', kind: videoKind,
    title: 'Video status', description: 'Live render status of a video; once completed, its download, captions and share URLs.',
  },
  {
    name: 'video-agent-session-status', template: 'heygen://video-agent/sessions/{session_id}', variable: 'session_id', kind: sessionKind,
    title: 'Video Agent session status', description: 'Live status and progress of a Video Agent session; once completed, its video and download URL.',
  },
];

/** Status resources for videos and Video Agent sessions, read through the job kinds table. */
export function registerJobResources(server: McpServer, deps: ServerDeps): void {
  for (const r of RESOURCES) {
    const recent = async () => (await deps.state.jobs.recent(100)).filter((j) => j.kind === r.kind.kind);
    server.registerResource(r.name, new ResourceTemplate(r.template, {
      // Jobs this key started lately: listed, and offered when a client completes the id.
      list: async () => ({
        resources: (await recent()).slice(0, 25).map((j) => ({ uri: r.kind.resourceUri(j.id), name: `${r.kind.kind} ${j.id}`, mimeType: 'application/json' })),
      }),
      complete: {
        [r.variable]: async (value: string) => (await recent()).map((j) => j.id).filter((id) => id.startsWith(value)).slice(0, 20),
      },
    }), { title: r.title, description: r.description, mimeType: 'application/json' }, async (uri, vars) => {
      const raw = vars[r.variable];
      const id = decodeURIComponent(String(Array.isArray(raw) ? raw[0] : raw ?? ''));
      if (!/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/.test(id)) throw new McpError(ErrorCode.InvalidParams, `Not a valid ${r.variable}.`);
      try {
        const status = await r.kind.fetch(deps.heygen, id, {});
        return { contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify({ kind: r.kind.kind, id, ...status }) }] };
      } catch (err) {
        const notFound = err instanceof HeyGenError && (err.status === 404 || err.code.endsWith('not_found'));
        throw new McpError(notFound ? ErrorCode.InvalidParams : ErrorCode.InternalError, describeError(err, { idsFrom: r.kind.getTool }));
      }
    });
  }
}
