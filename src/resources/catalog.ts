import { getGroup, getLook, listGroups, listLooks } from '../catalog/avatars.js';
import { catalogCtx } from '../catalog/context.js';
import { completeFrom, peekKnownIds } from '../catalog/known.js';
import { groupSummary, lookSummary, voiceSummary } from '../catalog/shapes.js';
import { listStyles } from '../catalog/styles.js';
import { getVoice, listVoices } from '../catalog/voices.js';
import type { ServerDeps } from '../context.js';
import { defineResource, guardedJson, JSON_TYPE, OptionalQueryTemplate, resourceId, template, variable, type ResourceCall, type ResourceDef } from './define.js';

const ctxOf = (call: ResourceCall) => catalogCtx(call.deps, { signal: call.signal });
/** Catalog reads are cached per key for the catalog TTL; a client may cache them as long. */
const catalogTtl = (deps: ServerDeps) => deps.config.catalogTtlSeconds * 1000;
// Completion never loads: it offers what earlier reads already brought into the cache.
const complete = (pick: (deps: ServerDeps) => Iterable<string> | undefined) => (value: string, deps: ServerDeps) => completeFrom(pick(deps) ?? [], value);
const known = (deps: ServerDeps) => peekKnownIds(deps.state);

/** heygen://avatars…, heygen://voices…, heygen://video-agent/styles: catalogs from the per-key cache. */
export const CATALOG_RESOURCES: ResourceDef[] = [
  defineResource({
    name: 'avatars', uri: 'heygen://avatars', mimeType: JSON_TYPE, ttlMs: catalogTtl,
    title: 'Avatar groups',
    description: 'First page of avatar groups. Read heygen://avatars/{group_id} for a group and its looks.',
    read: (uri, _vars, call) => guardedJson(uri, undefined, async () => {
      const r = await listGroups(ctxOf(call), {});
      return {
        groups: r.items.map(groupSummary),
        more: r.nextToken ? 'list_avatar_groups pages through all groups and filters by name, gender and ownership.' : undefined,
      };
    }),
  }),
  defineResource({
    name: 'avatar-group', uri: template('heygen://avatars/{group_id}'), mimeType: JSON_TYPE, ttlMs: catalogTtl,
    title: 'Avatar group and its looks',
    description: 'One avatar group with its looks; a look_id is the avatar_id for videos.',
    complete: { group_id: complete((d) => known(d)?.groups.keys()) },
    read: async (uri, vars, call) => {
      const id = resourceId(vars, 'group_id');
      return guardedJson(uri, 'list_avatar_groups', async () => {
        const ctx = ctxOf(call);
        const group = await getGroup(ctx, id);
        const looks = await listLooks(ctx, { group_id: id, limit: 100 });
        return { group: groupSummary(group), looks: looks.items.map(lookSummary), more_looks: looks.nextToken !== undefined || undefined };
      });
    },
  }),
  defineResource({
    name: 'avatar-look', uri: template('heygen://avatars/looks/{look_id}'), mimeType: JSON_TYPE, ttlMs: catalogTtl,
    title: 'Avatar look',
    description: 'One look: default voice, engines, orientation, previews.',
    complete: { look_id: complete((d) => known(d)?.looks.keys()) },
    read: async (uri, vars, call) => {
      const id = resourceId(vars, 'look_id');
      return guardedJson(uri, 'list_avatar_looks', async () => {
        const l = await getLook(ctxOf(call), id);
        return { ...lookSummary(l), preview_video_url: l.preview_video_url, width: l.image_width, height: l.image_height, tags: l.tags, status: l.status };
      });
    },
  }),
  defineResource({
    name: 'voices', uri: new OptionalQueryTemplate('heygen://voices', ['language', 'gender']), mimeType: JSON_TYPE, ttlMs: catalogTtl,
    title: 'Voices',
    description: 'Up to 100 voices, optionally filtered: heygen://voices?language=English&gender=female.',
    complete: {
      language: complete((d) => known(d)?.languages),
      gender: (value) => completeFrom(['female', 'male'], value),
    },
    read: (uri, vars, call) => guardedJson(uri, undefined, async () => {
      const r = await listVoices(ctxOf(call), { language: variable(vars, 'language') || undefined, gender: variable(vars, 'gender') || undefined, limit: 100 });
      return { voices: r.items.map(voiceSummary), more: r.nextToken ? 'More match: list_voices with the same filters and next_token.' : undefined, next_token: r.nextToken };
    }),
  }),
  defineResource({
    name: 'voice', uri: template('heygen://voices/{voice_id}'), mimeType: JSON_TYPE, ttlMs: catalogTtl,
    title: 'Voice',
    description: 'One voice: language, gender, preview audio, clone status.',
    complete: { voice_id: complete((d) => known(d)?.voices.keys()) },
    read: async (uri, vars, call) => {
      const id = resourceId(vars, 'voice_id');
      return guardedJson(uri, 'list_voices', () => getVoice(ctxOf(call), id));
    },
  }),
  defineResource({
    name: 'video-agent-styles', uri: 'heygen://video-agent/styles', mimeType: JSON_TYPE, ttlMs: catalogTtl,
    title: 'Video Agent style presets',
    description: 'HeyGen\'s style presets for create_video_agent (style_id, name, tags, aspect ratio, previews).',
    read: (uri, _vars, call) => guardedJson(uri, undefined, async () => ({ styles: await listStyles(ctxOf(call)) })),
  }),
];
