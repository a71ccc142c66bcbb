import { z } from 'zod';
import { defineTool } from '../define.js';
import { InputError } from '../../errors.js';
import { compact } from '../request-body.js';
import { heygenId, text } from '../fields.js';
import { media } from '../media.js';
import { createdAvatar, createdAvatarOutput } from './avatar-training.js';

// The descriptive vocabulary of HeyGen's AI avatar generator; the v3 `prompt` type takes these
// composed into its one free-text prompt.
const AGES = ['Young Adult', 'Early Middle Age', 'Late Middle Age', 'Senior', 'Unspecified'] as const;
const GENDERS = ['Woman', 'Man', 'Unspecified'] as const;
const ETHNICITIES = ['White', 'Black', 'Asian American', 'East Asian', 'South East Asian', 'South Asian', 'Middle Eastern', 'Pacific', 'Hispanic', 'Unspecified'] as const;
const ORIENTATIONS = ['square', 'horizontal', 'vertical'] as const;
const POSES = ['half_body', 'close_up', 'full_body'] as const;
const STYLES = ['Realistic', 'Pixar', 'Cinematic', 'Vintage', 'Noir', 'Cyberpunk', 'Unspecified'] as const;
const STRUCTURED = ['age', 'gender', 'ethnicity', 'orientation', 'pose', 'style', 'appearance'] as const;
const PROMPT_MAX = 1000;

const FRAMING: Record<(typeof ORIENTATIONS)[number], string> = { square: 'square 1:1', horizontal: 'landscape 16:9', vertical: 'portrait 9:16' };
const POSE: Record<(typeof POSES)[number], string> = { half_body: 'half-body', close_up: 'close-up', full_body: 'full-body' };

export default defineTool({
  name: 'create_prompt_avatar',
  title: 'Generate avatar',
  description: 'Generate an avatar from prompt, or from all of age, gender, ethnicity, orientation, pose, style, appearance. Spends HeyGen credits.',
  toolset: 'avatars',
  kind: 'create',
  spendsCredits: true,
  task: 'starts-job',
  hints: { recoverWith: 'list_avatar_groups', idsFrom: 'list_avatar_looks' },
  input: () => ({
    name: text(200).trim(),
    prompt: text(PROMPT_MAX).trim().optional(),
    age: z.enum(AGES).optional(),
    gender: z.enum(GENDERS).optional(),
    ethnicity: z.enum(ETHNICITIES).optional(),
    orientation: z.enum(ORIENTATIONS).optional(),
    pose: z.enum(POSES).optional(),
    style: z.enum(STYLES).optional(),
    appearance: text(800).trim().optional().describe('Clothes, expression, lighting, setting'),
    reference_images: z.array(media()).max(3).optional(),
    avatar_group_id: heygenId().optional(),
    avatar_id: heygenId().optional().describe('Reference look'),
  }),
  output: () => createdAvatarOutput,
  async handler(args, ctx) {
    const refs = args.reference_images ?? [];
    const r = await ctx.heygen.avatars.create(compact({
      type: 'prompt' as const, name: args.name, prompt: composePrompt(args),
      reference_images: refs.length ? refs : undefined, avatar_group_id: args.avatar_group_id, avatar_id: args.avatar_id,
    }), ctx.call);
    return createdAvatar(r, ctx, 'create_prompt_avatar');
  },
});

type Structured = { prompt?: string | undefined } & Partial<Record<(typeof STRUCTURED)[number], string>>;

/** Either the free prompt as given, or every structured field composed into one sentence set. */
export function composePrompt(a: Structured): string {
  const given = STRUCTURED.filter((k) => a[k] !== undefined);
  if (a.prompt !== undefined) {
    if (given.length) throw new InputError(given[0] as string, 'give either prompt or the structured fields (age, gender, ethnicity, orientation, pose, style, appearance), not both');
    return a.prompt;
  }
  const missing = STRUCTURED.filter((k) => a[k] === undefined);
  if (missing.length) {
    throw new InputError(missing[0] as string, `without prompt, all of age, gender, ethnicity, orientation, pose, style and appearance are required; missing: ${missing.join(', ')}`);
  }
  const known = (v: string | undefined) => (v && v !== 'Unspecified' ? v : undefined);
  const person = [known(a.age)?.toLowerCase(), known(a.ethnicity), known(a.gender)?.toLowerCase() ?? 'person'].filter(Boolean).join(' ');
  const style = known(a.style) ? `${a.style} style` : 'Photographic';
  const text = `${style} ${POSE[a.pose as keyof typeof POSE]} portrait of a ${person}, ${FRAMING[a.orientation as keyof typeof FRAMING]} framing. ${a.appearance}`;
  if (text.length > PROMPT_MAX) throw new InputError('appearance', `the composed prompt is ${text.length} characters; HeyGen takes at most ${PROMPT_MAX}, so shorten appearance`);
  return text;
}
