import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { UriTemplate, type Variables } from '@modelcontextprotocol/sdk/shared/uriTemplate.js';
import { ErrorCode, McpError, type ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import { getGroup, getLook, listGroups, listLooks } from '../catalog/avatars.js';
import { catalogCtx, type CatalogCtx } from '../catalog/context.js';
import { completeFrom, peekKnownIds } from '../catalog/known.js';
import { groupSummary, lookSummary, voiceSummary } from '../catalog/shapes.js';
import { listStyles } from '../catalog/styles.js';
import { getVoice, listVoices } from '../catalog/voices.js';
import type { ServerDeps } from '../context.js';
import { HeyGenError } from '../heygen/errors.js';
import { describeError } from '../tools/errors.js';

const JSON_TYPE = 'application/json';
/** MCP's "resource not found" error code. */
const RESOURCE_NOT_FOUND = -32002;

/**
 * A query-string template whose parameters are all optional and may come in any order. The
 * SDK's matcher requires every `{?a,b}` parameter, in order; the advertised template stays
 * RFC 6570 (`heygen://voices{?language,gender}`) so clients can expand it themselves.
 */
class OptionalQueryTemplate extends UriTemplate {
  constructor(private readonly base: string, private readonly names: readonly string[]) {
    super(`${base}{?${names.join(',')}}`);
  }

  override match(uri: string): Variables | null {
    const q = uri.indexOf('?');
    if ((q < 0 ? uri : uri.slice(0, q)) !== this.base) return null;
    const out: Variables = {};
    for (const [k, v] of new URLSearchParams(q < 0 ? '' : uri.slice(q + 1))) {
      if (!this.names.includes(k)) return null;
      if (v !== '') out[k] = v;
    }
    return out;
  }
}

function json(uri: URL, value: unknown): ReadResourceResult {
  return { contents: [{ uri: uri.href, mimeType: JSON_TYPE, text: JSON.stringify(value) }] };
}

/** Catalog failures become resource errors with the same words a tool would use. */
async function guarded(uri: URL, idsFrom: string | undefined, fn: () => Promise<unknown>): Promise<ReadResourceResult> {
  try {
    return json(uri, await fn());
  } catch (err) {
    const notFound = err instanceof HeyGenError && (err.status === 404 || err.code.endsWith('not_found'));
    throw new McpError(notFound ? RESOURCE_NOT_FOUND : ErrorCode.InternalError, describeError(err, { idsFrom }));
  }
}

const one = (v: string | string[] | undefined): string => decodeURIComponent(String(Array.isArray(v) ? v[0] : v ?? ''));

/** heygen://avatars…, heygen://voices…, heygen://video-agent/styles: catalogs from the per-key cache. */
export function registerCatalogResources(server: McpServer, deps: ServerDeps): void {
  const ctxOf = (signal: AbortSignal): CatalogCtx => catalogCtx(deps, { signal });
  const known = () => peekKnownIds(deps.state);
  // Completion never loads: it offers what earlier reads already brought into the cache.
  const complete = (pick: () => Iterable<string> | undefined) => (value: string) => completeFrom(pick() ?? [], value);

  server.registerResource('avatars', 'heygen://avatars', {
    title: 'Avatar groups',
    description: 'First page of avatar groups. Read heygen://avatars/{group_id} for a group and its looks.',
    mimeType: JSON_TYPE,
  }, (uri, extra) => guarded(uri, undefined, async () => {
    const r = await listGroups(ctxOf(extra.signal), {});
    return {
      groups: r.items.map(groupSummary),
      more: r.nextToken ? 'list_avatar_groups pages through all groups and filters by name, gender and ownership.' : undefined,
    };
  }));

  server.registerResource('avatar-group', new ResourceTemplate('heygen://avatars/{group_id}', {
    list: undefined,
    complete: { group_id: complete(() => known()?.groups.keys()) },
  }), {
    title: 'Avatar group and its looks',
    description: 'One avatar group with its looks; a look_id is the avatar_id for videos.',
    mimeType: JSON_TYPE,
  }, (uri, vars, extra) => guarded(uri, 'list_avatar_groups', async () => {
    const ctx = ctxOf(extra.signal);
    const id = one(vars.group_id);
    const group = await getGroup(ctx, id);
    const looks = await listLooks(ctx, { group_id: id, limit: 100 });
    return { group: groupSummary(group), looks: looks.items.map(lookSummary), more_looks: looks.nextToken !== undefined || undefined };
  }));

  server.registerResource('avatar-look', new ResourceTemplate('heygen://avatars/looks/{look_id}', {
    list: undefined,
    complete: { look_id: complete(() => known()?.looks.keys()) },
  }), {
    title: 'Avatar look',
    description: 'One look: default voice, engines, orientation, previews.',
    mimeType: JSON_TYPE,
  }, (uri, vars, extra) => guarded(uri, 'list_avatar_looks', async () => {
    const l = await getLook(ctxOf(extra.signal), one(vars.look_id));
    return { ...lookSummary(l), preview_video_url: l.preview_video_url, width: l.image_width, height: l.image_height, tags: l.tags, status: l.status };
  }));

  server.registerResource('voices', new ResourceTemplate(new OptionalQueryTemplate('heygen://voices', ['language', 'gender']), {
    list: undefined,
    complete: {
      language: complete(() => known()?.languages),
      gender: (value) => completeFrom(['female', 'male'], value),
    },
  }), {
    title: 'Voices',
    description: 'Up to 100 voices, optionally filtered: heygen://voices?language=English&gender=female.',
    mimeType: JSON_TYPE,
  }, (uri, vars, extra) => guarded(uri, undefined, async () => {
    const r = await listVoices(ctxOf(extra.signal), { language: vars.language ? one(vars.language) : undefined, gender: vars.gender ? one(vars.gender) : undefined, limit: 100 });
    return { voices: r.items.map(voiceSummary), more: r.nextToken ? 'More match: list_voices with the same filters and next_token.' : undefined, next_token: r.nextToken };
  }));

  server.registerResource('voice', new ResourceTemplate('heygen://voices/{voice_id}', {
    list: undefined,
    complete: { voice_id: complete(() => known()?.voices.keys()) },
  }), {
    title: 'Voice',
    description: 'One voice: language, gender, preview audio, clone status.',
    mimeType: JSON_TYPE,
  }, (uri, vars, extra) => guarded(uri, 'list_voices', () => getVoice(ctxOf(extra.signal), one(vars.voice_id))));

  server.registerResource('video-agent-styles', 'heygen://video-agent/styles', {
    title: 'Video Agent style presets',
    description: 'HeyGen\'s style presets for create_video_agent (style_id, name, tags, aspect ratio, previews).',
    mimeType: JSON_TYPE,
  }, (uri, extra) => guarded(uri, undefined, async () => ({ styles: await listStyles(ctxOf(extra.signal)) })));
}
