import { z } from 'zod';
import { validatePrompt } from '../../promptkit/validate.js';
import { defineTool } from '../define.js';

const finding = z.object({ rule: z.string(), message: z.string(), scene: z.number().int().optional() });

export default defineTool({
  name: 'validate_video_agent_prompt',
  title: 'Validate a Video Agent prompt',
  description: 'Check a Video Agent prompt (sections, scene rotation, voiceover, B-roll, timing) before create_video_agent. Local, free.',
  toolset: 'prompt_kit',
  kind: 'read',
  view: 'ui://heygen/prompt-check.html',
  local: true,
  input: {
    prompt: z.string().min(1).max(50_000).describe('FORMAT, TONE, AVATAR, STYLE, SCENE… sections'),
    duration_seconds: z.number().int().min(1).max(3600).optional().describe('Planned length'),
  },
  // Stats are optional in the schema only to keep the advertised list short; they are always set.
  output: {
    ok: z.boolean(),
    errors: z.array(finding),
    warnings: z.array(finding),
    scenes: z.number().int().optional(),
    scene_types: z.record(z.string(), z.number().int()).optional(),
    total_seconds: z.number().optional(),
    estimated_voiceover_seconds: z.number().optional(),
    template: z.boolean().optional().describe('[PLACEHOLDERS] left'),
    declared_seconds: z.number().optional(),
    style: z.string().optional(),
  },
  async handler(args, ctx) {
    const r = validatePrompt(args.prompt, args.duration_seconds !== undefined ? { durationSeconds: args.duration_seconds } : {});
    if (r.ok) ctx.note('No errors. Next: create_video_agent with this prompt, then wait_for_job and download_video.');
    else ctx.note('Fix the errors (each message says what to change), then validate again before create_video_agent.');
    return { ok: r.ok, errors: r.errors, warnings: r.warnings, ...r.stats };
  },
});
