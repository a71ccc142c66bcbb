import { ProtocolError, ProtocolErrorCode, type ReadResourceResult, type Resource, type ResourceTemplateType, type Server, type Variables } from '@modelcontextprotocol/server';
import { currentDeps, type ServerDeps } from '../context.js';
import { notFound } from '../not-found.js';
import type { SkillResources } from './skills.js';
import { CATALOG_RESOURCES } from './catalog.js';
import type { ResourceDef } from './define.js';
import { DOC_RESOURCES } from './docs.js';
import { JOB_RESOURCES } from './jobs.js';
import { VIEW_RESOURCES } from './views.js';
import { VISUAL_STYLE_RESOURCES } from './visual-styles.js';

/** Every resource and template the server offers, in list order. */
export const ALL_RESOURCES: ResourceDef[] = [
  ...VISUAL_STYLE_RESOURCES,
  ...DOC_RESOURCES,
  ...JOB_RESOURCES,
  ...CATALOG_RESOURCES,
  ...VIEW_RESOURCES,
];

/** Groups that come from this package, not from HeyGen: no key is needed to read them. */
const LOCAL_GROUPS: ResourceDef[][] = [VISUAL_STYLE_RESOURCES, DOC_RESOURCES, VIEW_RESOURCES];

/** Resources documented as public knowledge (the same for every caller) may sit in shared caches. */
const PUBLIC = new Set(['docs', 'doc', 'visual-styles', 'visual-style', 'view-render', 'view-picker', 'view-prompt']);

interface ResourceTable {
  fixed: Map<string, ResourceDef>;
  templates: ResourceDef[];
  /** resources/templates/list never changes: built once. */
  templateList: ResourceTemplateType[];
  fixedList: Resource[];
}

let table: ResourceTable | undefined;
function resourceTable(): ResourceTable {
  if (!table) {
    const fixed = new Map<string, ResourceDef>();
    const templates: ResourceDef[] = [];
    for (const r of ALL_RESOURCES) {
      if (typeof r.uri === 'string') fixed.set(r.uri, r);
      else templates.push(r);
    }
    table = {
      fixed,
      templates,
      fixedList: [...fixed.values()].map((r) => ({ uri: r.uri as string, name: r.name, title: r.title, description: r.description, mimeType: r.mimeType })),
      templateList: templates.map((r) => ({ uriTemplate: r.uri.toString(), name: r.name, title: r.title, description: r.description, mimeType: r.mimeType })),
    };
  }
  return table;
}

/** Finds the definition serving a URI and the template variables it carries. */
export function matchResource(uri: string): { def: ResourceDef; vars: Variables } | undefined {
  const t = resourceTable();
  const fixed = t.fixed.get(uri);
  if (fixed) return { def: fixed, vars: {} };
  for (const def of t.templates) {
    const vars = (def.uri as Exclude<ResourceDef['uri'], string>).match(uri);
    if (vars) return { def, vars };
  }
  return undefined;
}

export function templateDef(uriTemplate: string): ResourceDef | undefined {
  return resourceTable().templates.find((d) => d.uri.toString() === uriTemplate);
}

/** Resources served from this package alone: readable before a signed-in person has a HeyGen key. */
const LOCAL_RESOURCES = new Set(ALL_RESOURCES.filter((d) => LOCAL_GROUPS.some((g) => g.includes(d))).map((d) => d.name));

/**
 * Binds resources/list, resources/templates/list and resources/read to one server instance;
 * `skills` are the Skills extension's `skill://` files, served beside our own resources.
 */
export function bindResources(server: Server, deps: ServerDeps, skills?: SkillResources): void {
  const t = resourceTable();
  const templates = skills ? [...t.templateList, skills.template] : t.templateList;
  server.setRequestHandler('resources/list', async (_request, ctx) => {
    const listed: Resource[] = [...t.fixedList];
    // A signed-in person without a HeyGen key yet has no jobs to list.
    const d = await currentDeps(deps);
    for (const def of t.templates) {
      if (!def.list) continue;
      const use = LOCAL_RESOURCES.has(def.name) ? deps : d;
      if (!use) continue;
      for (const r of await def.list(use)) listed.push({ ...r, description: r.description ?? def.description });
    }
    if (skills) listed.push(...await skills.list(ctx));
    return { resources: listed };
  });
  server.setRequestHandler('resources/templates/list', () => ({ resourceTemplates: templates }));
  server.setRequestHandler('resources/read', async (request, ctx): Promise<ReadResourceResult> => {
    const raw = request.params.uri;
    if (raw.length > 2048) throw new ProtocolError(ProtocolErrorCode.InvalidParams, 'Resource URI is longer than 2048 characters.');
    let uri: URL;
    try {
      uri = new URL(raw);
    } catch {
      throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Not a valid resource URI: "${raw.slice(0, 100)}".`);
    }
    const found = matchResource(raw);
    const skillVars = !found && skills ? skills.match(raw) : null;
    if (skillVars) return skills!.read(uri, skillVars, ctx);
    if (!found) throw notFound({ resource: raw }, 'resources/list and resources/templates/list name what this server offers.');
    const d = LOCAL_RESOURCES.has(found.def.name) ? deps : await currentDeps(deps);
    if (!d) throw new ProtocolError(ProtocolErrorCode.InvalidRequest, 'No HeyGen key is saved for your account yet: call any HeyGen tool (it opens the key page) or my_heygen_key with action "replace".');
    const result = await found.def.read(uri, found.vars, { deps: d, signal: ctx.mcpReq.signal });
    if (d.era !== 'modern') return result;
    // 2026-07-28 caching hint: as long as the data really stays valid for this reader.
    return { ...result, ttlMs: found.def.ttlMs(d), cacheScope: PUBLIC.has(found.def.name) ? 'public' : 'private' };
  });
}
