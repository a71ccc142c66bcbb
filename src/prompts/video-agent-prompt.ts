import { z } from 'zod';
import { completable, type PromptCollector } from './define.js';
import { completeStyle } from '../promptkit/styles.js';
import { METHODS, methodText, taskText } from './video-agent-text.js';

export const ORIENTATIONS = ['landscape', 'portrait', 'square'] as const;
const DURATIONS = ['30', '45', '60', '75', '90', '120'];

const startsWith = (values: readonly string[]) => (typed: string | undefined) =>
  values.filter((v) => v.toLowerCase().startsWith((typed ?? '').toLowerCase()));

export function registerVideoAgentPrompt(server: PromptCollector): void {
  server.registerPrompt('video_agent_prompt', {
    title: 'Write a Video Agent prompt',
    description: 'Turns a brief into a Video Agent prompt, natural flow or scene by scene, with a visual style; then validates, submits and follows it.',
    argsSchema: {
      brief: z.string().describe('What the video is about: topic, key facts, figures, quotes, goal.'),
      duration_seconds: completable(z.string().optional().describe('Target length in seconds (5–300), e.g. 60.'), startsWith(DURATIONS)),
      tone: z.string().optional().describe('Emotional register, e.g. "confident, data-backed".'),
      style: completable(z.string().optional().describe('One of the 20 named visual styles, e.g. "Swiss Pulse".'), (typed) => completeStyle(typed ?? '')),
      orientation: completable(z.string().optional().describe('landscape, portrait or square.'), startsWith(ORIENTATIONS)),
      audience: z.string().optional().describe('Who will watch it.'),
      language: z.string().optional().describe('Language of the narration and text.'),
      avatar: z.string().optional().describe('An avatar look id, or a description of the presenter.'),
      method: completable(z.string().optional().describe('natural (60 s or less) or structured; default: both, with a recommendation.'), startsWith(METHODS)),
    },
  }, (args) => {
    const method = methodText(args);
    return {
      description: `Video Agent prompt for: ${args.brief.slice(0, 80)}`,
      messages: [
        { role: 'user', content: { type: 'text', text: method } },
        { role: 'user', content: { type: 'text', text: taskText(args) } },
      ],
    };
  });
}
