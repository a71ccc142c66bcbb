import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import type { ServerDeps } from '../context.js';
import { HeyGenError } from '../heygen/errors.js';
import { lipsyncKind, proofreadKind, translationKind } from '../jobs/kinds-more.js';
import type { JobKind } from '../jobs/kinds.js';
import { describeError } from '../tools/errors.js';

interface StatusResource { name: string; template: string; title: string; description: string; kind: JobKind }

/** Live status resources for translation, proofread and lipsync jobs (subscribable like videos). */
const RESOURCES: StatusResource[] = [
  {
    name: 'video-translation-status', template: 'heygen://video-translations/{id}', kind: translationKind,
    title: 'Video translation status', description: 'Live status of a video translation; once completed, its video, audio and caption URLs.',
  },
  {
    name: 'proofread-status', template: 'heygen://proofreads/{id}', kind: proofreadKind,
    title: 'Translation proofread status', description: 'Live status of a proofread session; completed means its subtitles are ready for review.',
  },
  {
    name: 'lipsync-status', template: 'heygen://lipsyncs/{id}', kind: lipsyncKind,
    title: 'Lipsync status', description: 'Live status of a lipsync job; once completed, its video URL.',
  },
];

export function registerJobMoreResources(server: McpServer, deps: ServerDeps): void {
  for (const r of RESOURCES) {
    server.registerResource(r.name, new ResourceTemplate(r.template, {
      // The jobs this key started recently, so clients can find them without a list call.
      list: async () => ({
        resources: (await deps.state.jobs.recent(100))
          .filter((j) => j.kind === r.kind.kind)
          .slice(0, 25)
          .map((j) => ({ uri: r.kind.resourceUri(j.id), name: `${r.kind.kind} ${j.id}`, mimeType: 'application/json' })),
      }),
    }), { title: r.title, description: r.description, mimeType: 'application/json' }, async (uri, vars) => {
      const id = decodeURIComponent(String(vars.id ?? ''));
      if (!id || id.length > 200 || id.includes('/')) throw new McpError(ErrorCode.InvalidParams, `Not a valid ${r.kind.kind} id.`);
      try {
        const status = await r.kind.fetch(deps.heygen, id, {});
        return { contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify({ kind: r.kind.kind, id, ...status }) }] };
      } catch (err) {
        const code = err instanceof HeyGenError && (err.status === 404 || err.code.endsWith('not_found')) ? ErrorCode.InvalidParams : ErrorCode.InternalError;
        throw new McpError(code, describeError(err, { idsFrom: r.kind.getTool }));
      }
    });
  }
}
