import { z } from 'zod';
import { validatePrompt, type ValidateOptions } from '../../promptkit/validate.js';
import { defineTool } from '../define.js';

const finding = z.object({ rule: z.string(), message: z.string(), scene: z.number().int().optional() });

/** Longest prompt accepted; also stated in the description and the prompt-guide docs. */
export const PROMPT_MAX_CHARS = 50_000;

export default defineTool({
  name: 'validate_video_agent_prompt',
  title: 'Validate a Video Agent prompt',
  description: 'Check a structured or natural Video Agent prompt before create_video_agent. Local, free; ≤ 50,000 chars.',
  toolset: 'prompt_kit',
  kind: 'read',
  view: 'ui://heygen/prompt-check.html',
  local: true,
  input: () => ({
    prompt: z.string().min(1).max(PROMPT_MAX_CHARS),
    duration_seconds: z.number().int().min(1).max(3600).optional(),
    orientation: z.enum(['landscape', 'portrait']).optional(),
    avatar_id: z.string().max(200).optional().describe('Look id'),
    style_id: z.string().max(200).optional().describe('Preset id'),
    mode: z.enum(['structured', 'natural']).optional(),
  }),
  // Stats are optional in the schema only to keep the advertised list short; they are always set.
  output: () => ({
    ok: z.boolean(),
    errors: z.array(finding),
    warnings: z.array(finding),
    scenes: z.number().int().optional(),
    scene_types: z.record(z.string(), z.number().int()).optional(),
    total_seconds: z.number().optional(),
    estimated_voiceover_seconds: z.number().optional(),
    template: z.boolean().optional(),
    declared_seconds: z.number().optional(),
    style: z.string().optional(),
  }),
  async handler(args, ctx) {
    const opts: ValidateOptions = {
      ...(args.duration_seconds !== undefined ? { durationSeconds: args.duration_seconds } : {}),
      ...(args.orientation ? { orientation: args.orientation } : {}),
      ...(args.avatar_id ? { avatarId: args.avatar_id } : {}),
      ...(args.style_id ? { styleId: args.style_id } : {}),
      ...(args.mode ? { mode: args.mode } : {}),
    };
    const r = validatePrompt(args.prompt, opts);
    // The mode goes in the note rather than the schema: tools/list is read into every conversation.
    ctx.note(`Checked as a ${r.stats.mode} prompt${args.mode ? '' : ' (pass mode to choose)'}.`);
    if (r.ok) ctx.note('No errors. Next: create_video_agent with this prompt, then wait_for_job and download_video.');
    else ctx.note('Fix the errors (each message says what to change), then validate again before create_video_agent.');
    return { ok: r.ok, errors: r.errors, warnings: r.warnings, ...r.stats };
  },
});
