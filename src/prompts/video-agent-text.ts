/**
 * The text of the `video_agent_prompt` prompt, apart from its registration: the method (both ways
 * of writing), the chosen style, and the task with its next steps. Pure functions of the arguments.
 */
import {
  CHOOSING, DISCOVERY, MEDIA, NATURAL_FLOW, ORIENTATION, PRESENTER, RENDER, RENDERER_NOTE, STRUCTURED_METHOD, STYLE_CHOICE, styleTable,
} from '../promptkit/method.js';
import { findStyle, styleSpecMarkdown } from '../promptkit/styles.js';

export type PromptMethod = 'natural' | 'structured';
export const METHODS: readonly PromptMethod[] = ['natural', 'structured'];

export function styleSection(requested: string | undefined): string {
  const style = requested ? findStyle(requested) : undefined;
  if (style) return `## Chosen style\n${styleSpecMarkdown(style)}`;
  const lead = requested ? `"${requested}" is not one of the 20 named styles; pick one below or write a custom STYLE block with the same parts (palette with hex, typography, motion, transitions).` : 'No style chosen: pick one from this table by the feeling the viewer should have, or a preset from `list_video_agent_styles`. Full specs: `heygen://visual-styles/{name}`.';
  return `## Visual styles\n${lead}\n\n${styleTable()}`;
}

const secondsOf = (value: string | undefined) => (value && /^\d+$/.test(value.trim()) ? Number(value) : undefined);
const methodOf = (value: string | undefined): PromptMethod | undefined => METHODS.find((m) => m === value?.trim().toLowerCase());

/** 60 s or less reads best as a natural prompt; longer or data-heavy videos as the structured method. */
export const methodFor = (seconds: number | undefined): PromptMethod | undefined => (seconds === undefined ? undefined : seconds <= 60 ? 'natural' : 'structured');

/** The method: both ways of writing unless one was asked for. */
export function methodText(a: { style?: string; method?: string }): string {
  const only = methodOf(a.method);
  return [
    '# Writing a Video Agent prompt',
    RENDERER_NOTE,
    CHOOSING,
    DISCOVERY,
    PRESENTER,
    only !== 'structured' ? NATURAL_FLOW : undefined,
    only !== 'natural' ? ['# The structured method', ...STRUCTURED_METHOD].join('\n\n') : undefined,
    STYLE_CHOICE,
    styleSection(a.style),
    MEDIA,
    ORIENTATION,
    RENDER,
  ].filter((x): x is string => x !== undefined).join('\n\n');
}

/** An avatar argument that looks like a look id rather than a description. */
const isLookId = (value: string) => /^[A-Za-z0-9_-]{6,}$/.test(value.trim());

export function taskText(a: Record<string, string | undefined>): string {
  const seconds = secondsOf(a.duration_seconds);
  const method = methodOf(a.method) ?? methodFor(seconds);
  const lookId = a.avatar && isLookId(a.avatar) ? a.avatar.trim() : undefined;
  const validateArgs = [
    seconds !== undefined ? `duration_seconds ${seconds}` : undefined,
    a.orientation === 'portrait' || a.orientation === 'landscape' ? `orientation "${a.orientation}"` : undefined,
    lookId ? `avatar_id "${lookId}"` : undefined,
    method ? `mode "${method}"` : undefined,
  ].filter(Boolean).join(', ');
  const lines = [
    '## Your task',
    `Write a production Video Agent prompt for this brief:\n\n${a.brief}`,
    '',
    seconds !== undefined ? `- Target length: ${seconds} seconds (state it in the prompt; in the structured method the scene durations add up to it).` : '- Target length: ask, or choose one from the timing table, and state it in the prompt.',
    method ? `- Method: ${method === 'natural' ? 'natural flow (60 s or less, no scene labels)' : 'structured, scene by scene'}${methodOf(a.method) ? '' : ' fits this length best'}.` : '- Method: pick natural flow for 60 s or less, structured otherwise (see the table above).',
    a.tone ? `- Tone: ${a.tone}` : undefined,
    a.audience ? `- Audience: ${a.audience}` : undefined,
    a.language ? `- Language of the voiceover and on-screen text: ${a.language} (labels, the framing line and the style block stay in English)` : undefined,
    a.orientation ? `- Orientation: ${a.orientation}${a.orientation === 'square' ? ' (Video Agent renders landscape or portrait; choose the closer one and keep the framing centred)' : ''}` : undefined,
    lookId ? `- Presenter: look ${lookId}. Pass it as avatar_id to create_video_agent and call them "the selected presenter"; do not describe their looks.`
      : a.avatar ? `- Presenter: ${a.avatar} (describe them in the prompt, or pick a look with list_avatar_looks and then use "the selected presenter").` : undefined,
    '',
    '## Next steps',
    '1. Ask only what the brief leaves open (discovery above), then draft and show the script with its word count.',
    `2. Call \`validate_video_agent_prompt\` with the prompt${validateArgs ? ` and ${validateArgs}` : ''}. Fix every error, read the warnings, validate again.`,
    `3. Call \`create_video_agent\` with the prompt${a.orientation ? `, orientation "${a.orientation === 'portrait' ? 'portrait' : 'landscape'}"` : ''}${lookId ? `, avatar_id "${lookId}"` : ''} and a style_id if you chose a preset. It spends credits; confirm with the user first (dry_run shows the request). Run it as a task where your client supports tasks.`,
    '4. Call `wait_for_job` with kind "video_agent_session" and the session id, again while it says still running; a real render takes 20–45 minutes.',
    '5. Call `download_video` for the finished video, or hand the user its URL.',
  ];
  return lines.filter((l) => l !== undefined).join('\n');
}
