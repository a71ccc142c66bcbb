import { z } from 'zod';
import { validatePrompt } from '../../promptkit/validate.js';
import { defineTool } from '../define.js';

const finding = z.object({
  rule: z.string().describe('Rule id of the prompt method (S1, G2, H1, J3, …).'),
  message: z.string(),
  scene: z.number().int().optional(),
});

export default defineTool({
  name: 'validate_video_agent_prompt',
  title: 'Validate a Video Agent prompt',
  description: 'Checks a Video Agent prompt against the prompt method (sections, scene rotation, voiceover, B-roll layers, timing) before create_video_agent. Local, free.',
  toolset: 'prompt_kit',
  kind: 'read',
  local: true,
  input: {
    prompt: z.string().min(1).max(50_000).describe('The full prompt: FORMAT, TONE, AVATAR, STYLE, CRITICAL ON-SCREEN TEXT, SCENE entries, MUSIC, NARRATION STYLE.'),
    duration_seconds: z.number().int().min(1).max(3600).optional().describe('Length you plan to ask for; checked against FORMAT and the 5–300 s Video Agent range.'),
  },
  output: {
    ok: z.boolean().describe('True when there are no errors; warnings may remain.'),
    errors: z.array(finding),
    warnings: z.array(finding),
    scenes: z.number().int(),
    scene_types: z.record(z.string(), z.number().int()),
    total_seconds: z.number(),
    voiceover_words: z.number().int(),
    estimated_voiceover_seconds: z.number(),
    template: z.boolean().describe('True when bracketed placeholders such as [TOPIC] are still unfilled.'),
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
