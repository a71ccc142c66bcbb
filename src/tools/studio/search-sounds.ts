import { z } from 'zod';
import { defineTool } from '../define.js';
import { text } from '../fields.js';
import { pageInput, pageOutput, pageRequest, pageResult } from '../paging.js';

export default defineTool({
  name: 'search_sounds',
  title: 'Search music and sound effects',
  description: 'Find background music or sound effects by description, best match first, each with a download URL.',
  toolset: 'studio_extras',
  kind: 'read',
  input: () => ({
    query: text(300).describe('e.g. upbeat lofi hip-hop'),
    type: z.enum(['music', 'sound_effects']).optional().describe('default music'),
    min_score: z.number().min(0).max(1).optional().describe('similarity 0–1, default 0.7'),
    ...pageInput(),
  }),
  output: () => ({
    sounds: z.array(z.object({
      sound_id: z.string(), name: z.string(), type: z.string(), duration: z.number().optional(), score: z.number().optional(), audio_url: z.string(),
    })),
    ...pageOutput(),
  }),
  async handler(a, { heygen, call }) {
    const page = await heygen.studio.searchSounds({ query: a.query, type: a.type, min_score: a.min_score, ...pageRequest(a) }, call);
    return {
      sounds: page.items.map((s) => ({ sound_id: s.id, name: s.name, type: s.type, duration: s.duration, score: s.score, audio_url: s.audio_url })),
      ...pageResult(page),
    };
  },
});
