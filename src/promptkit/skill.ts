/**
 * The `video-agent` skill: our prompt method as a SKILL.md and reference files, for clients that
 * load skills. Serving it is the server's job once its SDK has the Skills extension; this module
 * only builds the files, from the same method blocks the `video_agent_prompt` prompt uses.
 */
import {
  CHOOSING, DISCOVERY, MEDIA, NATURAL_FLOW, ORIENTATION, PRESENTER, RENDER, RENDERER_NOTE, STRUCTURED_METHOD, STYLE_CHOICE, styleTable,
} from './method.js';
import { styleSpecMarkdown, VISUAL_STYLES } from './styles.js';

export interface SkillFile {
  /** Relative to the skill's root, `/`-separated: `SKILL.md`, `references/natural-flow.md`. */
  path: string;
  text: string;
}

export const VIDEO_AGENT_SKILL_NAME = 'video-agent';

const DESCRIPTION = 'Plan, write, validate and submit HeyGen Video Agent prompts with this server, as natural flow up to 60 s or scene by scene beyond.';

interface Reference {
  path: string;
  title: string;
  /** What the file is for, as listed in SKILL.md. */
  about: string;
  blocks: () => string[];
}

const REFERENCES: readonly Reference[] = [
  { path: 'references/natural-flow.md', title: 'Natural-flow prompts', about: 'videos of 60 s or less: the parts of the prompt, the framing line, the presenter rule',
    blocks: () => [NATURAL_FLOW, PRESENTER] },
  { path: 'references/structured-method.md', title: 'The structured method', about: 'longer or data-heavy videos: sections, scene types, B-roll layers, motion, transitions, timing, what fails',
    blocks: () => [RENDERER_NOTE, ...STRUCTURED_METHOD] },
  { path: 'references/visual-styles.md', title: 'Visual styles', about: 'a style_id preset or one of the 20 named styles, with each style\'s rules ready to paste',
    blocks: () => [STYLE_CHOICE, styleTable(), ...VISUAL_STYLES.map(styleSpecMarkdown)] },
  { path: 'references/workflow.md', title: 'From brief to finished video', about: 'discovery questions, media types and uploads, orientation, validate → create → follow → download',
    blocks: () => [DISCOVERY, MEDIA, ORIENTATION, RENDER] },
];

function skillMd(): string {
  return [
    '---',
    `name: ${VIDEO_AGENT_SKILL_NAME}`,
    `description: ${DESCRIPTION}`,
    '---',
    '',
    '# Video Agent prompts',
    '',
    'Use this skill when a user wants a finished video from a brief with HeyGen\'s Video Agent (`create_video_agent`). It says how to ask for what is missing, which of two prompt methods to use, how to write each, and how to check, submit and follow the render with this server\'s tools.',
    '',
    RENDERER_NOTE,
    '',
    CHOOSING,
    '',
    '## Steps',
    '1. Discovery: ask only what the brief leaves open (`references/workflow.md`).',
    '2. Choose the method from the table above and write the prompt (`references/natural-flow.md` or `references/structured-method.md`).',
    '3. Choose the look: a `style_id` preset or a STYLE block (`references/visual-styles.md`).',
    '4. `validate_video_agent_prompt`, then `create_video_agent`, `wait_for_job` and `download_video` (`references/workflow.md`).',
    '',
    '## Reference files',
    ...REFERENCES.map((r) => `- [${r.path}](${r.path}): ${r.about}.`),
    '',
  ].join('\n');
}

/** The skill's files, SKILL.md first. Pure: the same files on every call. */
export function videoAgentSkill(): SkillFile[] {
  return [
    { path: 'SKILL.md', text: skillMd() },
    ...REFERENCES.map((r) => ({ path: r.path, text: `# ${r.title}\n\n${r.blocks().join('\n\n')}\n` })),
  ];
}
