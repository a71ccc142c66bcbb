import { z } from 'zod';
import { completable, type PromptCollector } from './define.js';
import { ANATOMY, AVATAR_GUIDE, LAYERS, MOTION, PITFALLS, SCENE_TYPES, TIMING, TRANSITIONS, WORKFLOW, styleTable } from '../promptkit/method.js';
import { completeStyle, findStyle, styleSpecMarkdown } from '../promptkit/styles.js';

export const ORIENTATIONS = ['landscape', 'portrait', 'square'] as const;
const DURATIONS = ['30', '45', '60', '75', '90', '120'];

const startsWith = (values: readonly string[]) => (typed: string | undefined) =>
  values.filter((v) => v.toLowerCase().startsWith((typed ?? '').toLowerCase()));

function styleSection(requested: string | undefined): string {
  const style = requested ? findStyle(requested) : undefined;
  if (style) return `## Chosen style\n${styleSpecMarkdown(style)}`;
  const lead = requested ? `"${requested}" is not one of the 20 named styles; pick one below or write a custom STYLE block with the same parts (palette with hex, typography, motion, transitions).` : 'No style chosen: pick one from this table by the feeling the viewer should have. Full specs: `heygen://visual-styles/{name}`.';
  return `## Visual styles\n${lead}\n\n${styleTable()}`;
}

function taskText(a: Record<string, string | undefined>): string {
  const seconds = a.duration_seconds && /^\d+$/.test(a.duration_seconds.trim()) ? Number(a.duration_seconds) : undefined;
  const lines = [
    '## Your task',
    `Write a production Video Agent prompt for this brief:\n\n${a.brief}`,
    '',
    seconds !== undefined ? `- Target length: ${seconds} seconds (the FORMAT line and the scene durations must add up to it).` : '- Target length: choose one from the timing table and state it in FORMAT.',
    a.tone ? `- Tone: ${a.tone}` : undefined,
    a.audience ? `- Audience: ${a.audience}` : undefined,
    a.language ? `- Language of the voiceover and on-screen text: ${a.language}` : undefined,
    a.orientation ? `- Orientation: ${a.orientation}${a.orientation === 'square' ? ' (Video Agent renders landscape or portrait; choose the closer one and keep the framing centred)' : ''}` : undefined,
    a.avatar ? `- Avatar: ${a.avatar} (if this is an avatar look id, pass it as avatar_id to create_video_agent and still write the AVATAR wardrobe and set)` : undefined,
    '',
    '## Next steps',
    `1. Call \`validate_video_agent_prompt\` with the prompt${seconds !== undefined ? ` and duration_seconds ${seconds}` : ''}. Fix every error, read the warnings, validate again.`,
    `2. Call \`create_video_agent\` with the prompt${a.orientation ? `, orientation "${a.orientation === 'portrait' ? 'portrait' : 'landscape'}"` : ''}${a.avatar ? ', and avatar_id when you have one' : ''}. It spends credits; confirm with the user first (dry_run shows the request).`,
    '3. Call `wait_for_job` with kind "video_agent_session" and the session id until it completes (call again while it says still running).',
    '4. Call `download_video` for the finished video, or hand the user its URL.',
  ];
  return lines.filter((l) => l !== undefined).join('\n');
}

export function registerVideoAgentPrompt(server: PromptCollector): void {
  server.registerPrompt('video_agent_prompt', {
    title: 'Write a Video Agent prompt',
    description: 'Turns a brief into a production Video Agent prompt using the prompt method and a named visual style, then validates and submits it.',
    argsSchema: {
      brief: z.string().describe('What the video is about: topic, key facts, figures, quotes, goal.'),
      duration_seconds: completable(z.string().optional().describe('Target length in seconds (5–300), e.g. 60.'), startsWith(DURATIONS)),
      tone: z.string().optional().describe('Emotional register, e.g. "confident, data-backed".'),
      style: completable(z.string().optional().describe('One of the 20 named visual styles, e.g. "Swiss Pulse".'), (typed) => completeStyle(typed ?? '')),
      orientation: completable(z.string().optional().describe('landscape, portrait or square.'), startsWith(ORIENTATIONS)),
      audience: z.string().optional().describe('Who will watch it.'),
      language: z.string().optional().describe('Language of the narration and text.'),
      avatar: z.string().optional().describe('An avatar look id, or a description of the presenter.'),
    },
  }, (args) => {
    const method = [
      '# The Video Agent prompt method',
      'Video Agent renders like an HTML interpreter: it is strong at typography, layered text and structured graphics. Write B-roll as animated text and graphic layers driven by motion verbs, never as screen-layout specifications.',
      WORKFLOW, ANATOMY, AVATAR_GUIDE, SCENE_TYPES, LAYERS, MOTION, TRANSITIONS, TIMING, PITFALLS,
      styleSection(args.style),
    ].join('\n\n');
    return {
      description: `Video Agent prompt for: ${args.brief.slice(0, 80)}`,
      messages: [
        { role: 'user', content: { type: 'text', text: method } },
        { role: 'user', content: { type: 'text', text: taskText(args) } },
      ],
    };
  });
}
