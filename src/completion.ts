import type { Server } from '@modelcontextprotocol/server';
import { currentDeps, type ServerDeps } from './context.js';
import { promptTable } from './prompts/index.js';
import { templateDef } from './resources/index.js';

const MAX_VALUES = 100;

/**
 * `completion/complete` for prompt arguments and resource template variables. Completion never
 * loads anything from HeyGen: it offers what the tables and earlier reads already know.
 */
export function bindCompletion(server: Server, deps: ServerDeps): void {
  server.setRequestHandler('completion/complete', async (request) => {
    const { ref, argument } = request.params;
    let values: string[] = [];
    if (ref.type === 'ref/prompt') {
      const c = promptTable().defs.get(ref.name)?.completers[argument.name];
      if (c) values = c(argument.value);
    } else {
      const c = templateDef(ref.uri)?.complete?.[argument.name];
      // A signed-in person's completions come from their own key's cache (none before they have a key).
      const d = c ? await currentDeps(deps) : undefined;
      if (c && d) values = await c(argument.value, d);
    }
    return { completion: { values: values.slice(0, MAX_VALUES), total: values.length, hasMore: values.length > MAX_VALUES } };
  });
}
