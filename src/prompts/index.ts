import { ProtocolError, ProtocolErrorCode, type Server } from '@modelcontextprotocol/server';
import { notFound } from '../not-found.js';
import { registerAvatarVideoScript } from './avatar-video-script.js';
import { PromptCollector, type PromptDef } from './define.js';
import { registerPhotoAvatarWorkflow } from './photo-avatar-workflow.js';
import { registerTranslateVideoWorkflow } from './translate-video-workflow.js';
import { registerVideoAgentPrompt } from './video-agent-prompt.js';

/** Every workflow prompt, in list order. */
const REGISTRARS: ((collector: PromptCollector) => void)[] = [registerVideoAgentPrompt, registerAvatarVideoScript, registerTranslateVideoWorkflow, registerPhotoAvatarWorkflow];

let table: { defs: Map<string, PromptDef>; list: PromptDef['entry'][] } | undefined;

/** The prompt table, collected once per process. */
export function promptTable(): { defs: Map<string, PromptDef>; list: PromptDef['entry'][] } {
  if (!table) {
    const collector = new PromptCollector();
    for (const register of REGISTRARS) register(collector);
    table = { defs: new Map(collector.defs.map((d) => [d.name, d])), list: collector.defs.map((d) => d.entry) };
  }
  return table;
}

/** Binds prompts/list and prompts/get to one server instance; the table is built on the first prompt request. */
export function bindPrompts(server: Server): void {
  server.setRequestHandler('prompts/list', () => ({ prompts: promptTable().list }));
  server.setRequestHandler('prompts/get', async (request) => {
    const t = promptTable();
    const def = t.defs.get(request.params.name);
    if (!def) throw notFound({ prompt: request.params.name }, `Prompts: ${[...t.defs.keys()].join(', ')}.`);
    const parsed = def.args.safeParse(request.params.arguments ?? {});
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Invalid ${first?.path.join('.') || 'arguments'} for prompt ${def.name}: ${first?.message ?? 'bad arguments'}.`);
    }
    return def.get(parsed.data as Record<string, string | undefined>);
  });
}
