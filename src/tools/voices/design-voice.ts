import { z } from 'zod';
import { defineTool } from '../define.js';
import { compact } from '../request-body.js';
import { text } from '../fields.js';

export default defineTool({
  name: 'design_voice',
  title: 'Find voices by description',
  description: 'Up to 3 existing voices matching a description. Raise seed for more.',
  toolset: 'voices',
  // A POST that only searches HeyGen's voices: nothing is created or charged.
  kind: 'read',
  input: () => ({
    prompt: text(1000).trim().describe('the voice wanted, e.g. calm male narrator'),
    gender: z.enum(['male', 'female']).optional(),
    locale: z.string().max(35).regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP-47 tag such as en-US or pt-BR').optional().describe('e.g. en-US'),
    seed: z.number().int().min(0).max(1000).optional().describe('another seed, other voices'),
  }),
  output: () => ({
    seed: z.number().optional(),
    voices: z.array(z.object({
      voice_id: z.string(),
      name: z.string().optional(),
      language: z.string().optional(),
      gender: z.string().optional(),
      preview_audio_url: z.string().optional(),
    })),
  }),
  async handler(args, { heygen, call }) {
    const r = await heygen.voices.design(compact({ prompt: args.prompt, gender: args.gender, locale: args.locale, seed: args.seed }), call);
    return {
      seed: r.seed,
      voices: r.voices.map((v) => ({ voice_id: v.voice_id, name: v.name, language: v.language, gender: v.gender, preview_audio_url: v.preview_audio_url })),
    };
  },
});
