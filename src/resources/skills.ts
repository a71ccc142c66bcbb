import type { ReadResourceResult, Resource, ResourceTemplateType, Server, ServerContext, Variables } from '@modelcontextprotocol/server';
import { memorySkillFiles, SkillsExtension, type SkillCatalog } from '@modelcontextprotocol/server/ext/skills';
import { VIDEO_AGENT_SKILL_NAME, videoAgentSkill } from '../promptkit/skill.js';

/**
 * The `video-agent` skill (our prompt method as SKILL.md and references), served through the
 * Skills extension (SEP-2640): `skills/list`, `skills/get` and `skill://` resources, with the
 * capability in `server/discover` and `initialize`. The catalog is built once per process from
 * the files src/promptkit/skill.ts makes; it never changes while the process runs. Building it is
 * asynchronous, so it happens in `loadSkills()`, which `prepareServer()` (src/server.ts) awaits
 * before the first server instance is made.
 */
let catalog: SkillCatalog | undefined;
let loading: Promise<SkillCatalog> | undefined;

export function loadSkills(): Promise<SkillCatalog> {
  loading ??= SkillsExtension.load(
    memorySkillFiles(Object.fromEntries(videoAgentSkill().map((f) => [`${VIDEO_AGENT_SKILL_NAME}/${f.path}`, f.text]))),
    { cacheHint: { ttlMs: 60 * 60_000, cacheScope: 'public' }, strict: true },
  ).then((c) => (catalog = c));
  return loading;
}

/** The skill files as one resource template, for the server's own resource handlers. */
export interface SkillResources {
  template: ResourceTemplateType;
  match(uri: string): Variables | null;
  list(ctx: ServerContext): Promise<Resource[]>;
  read(uri: URL, vars: Variables, ctx: ServerContext): Promise<ReadResourceResult>;
}

interface Template {
  uriTemplate: { match(uri: string): Variables | null; toString(): string };
  listCallback?: (ctx: ServerContext) => Promise<{ resources: Resource[] }> | { resources: Resource[] };
}

/**
 * Attaches the skills to one server instance. The extension registers its methods on the
 * low-level server itself; its `skill://` template is handed back so the server's resource
 * handlers (which own resources/list, templates/list and read) can serve it beside the rest.
 */
export function attachSkills(server: Server): SkillResources {
  if (!catalog) throw new Error('the skills catalog is not loaded: await prepareServer() before createServer()');
  let captured: { template: Template; read: (uri: URL, vars: Variables, ctx: ServerContext) => Promise<ReadResourceResult> } | undefined;
  catalog.attach({
    server,
    isConnected: () => false,
    registerResource: (_name: string, template: Template, _config: unknown, read: (uri: URL, vars: Variables, ctx: ServerContext) => Promise<ReadResourceResult>) => {
      captured = { template, read };
    },
  } as unknown as Parameters<SkillCatalog['attach']>[0]);
  if (!captured) throw new Error('the skills extension registered no resource template');
  const { template, read } = captured;
  return {
    template: { uriTemplate: template.uriTemplate.toString(), name: 'skills', title: 'Agent skills', description: 'Files of the skills this server serves (SKILL.md and references).' },
    match: (uri) => template.uriTemplate.match(uri),
    list: async (ctx) => (template.listCallback ? (await template.listCallback(ctx)).resources : []),
    read,
  };
}
