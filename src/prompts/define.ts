import { z } from 'zod';
import type { GetPromptResult, Prompt } from '@modelcontextprotocol/server';

/** Completion of one prompt argument from what the user has typed so far. */
export type ArgCompleter = (typed: string | undefined) => string[];

const completers = new WeakMap<z.ZodType, ArgCompleter>();

/** Marks a prompt argument as completable: `completion/complete` offers what `complete` returns. */
export function completable<T extends z.ZodType>(schema: T, complete: ArgCompleter): T {
  completers.set(schema, complete);
  return schema;
}

type ArgsShape = Record<string, z.ZodType<string | undefined>>;

export interface PromptConfig<S extends ArgsShape> {
  title: string;
  description: string;
  /** Every argument is a string (the protocol's rule); optional ones may be left out. */
  argsSchema: S;
}

export type PromptCallback = (args: Record<string, any>) => GetPromptResult | Promise<GetPromptResult>;

/** One workflow prompt, as data: its list entry, argument checks and completers. */
export interface PromptDef {
  name: string;
  entry: Prompt;
  args: z.ZodObject;
  completers: Record<string, ArgCompleter>;
  get: PromptCallback;
}

/**
 * Collects prompt definitions. Each prompt module registers itself once per process with the
 * same call shape a server would take; server instances only bind the finished table.
 */
export class PromptCollector {
  readonly defs: PromptDef[] = [];

  registerPrompt<S extends ArgsShape>(name: string, config: PromptConfig<S>, get: (args: z.output<z.ZodObject<S>>) => GetPromptResult | Promise<GetPromptResult>): void {
    const args = Object.entries(config.argsSchema).map(([arg, schema]) => ({
      name: arg,
      ...(schema.description ? { description: schema.description } : {}),
      required: !schema.safeParse(undefined).success,
    }));
    const found: Record<string, ArgCompleter> = {};
    for (const [arg, schema] of Object.entries(config.argsSchema)) {
      const c = completers.get(schema) ?? completers.get(unwrapOptional(schema));
      if (c) found[arg] = c;
    }
    this.defs.push({
      name,
      entry: { name, title: config.title, description: config.description, arguments: args },
      args: z.object(config.argsSchema),
      completers: found,
      get: get as PromptCallback,
    });
  }
}

function unwrapOptional(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
}
