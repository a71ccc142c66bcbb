import { z } from 'zod';
import { defineTool } from '../define.js';
import { invalidateCatalog } from '../../catalog/context.js';
import { compact } from '../request-body.js';
import { text } from '../fields.js';
import { AUDIO, formerMediaNames, media } from '../media.js';

export default defineTool({
  name: 'clone_voice',
  title: 'Clone voice',
  description: 'Clone a voice from one MP3/WAV sample (audio), then wait_for_job. Spends HeyGen credits.',
  toolset: 'voices',
  kind: 'create',
  spendsCredits: true,
  task: 'starts-job',
  hints: { recoverWith: 'list_voices with type private', idsFrom: 'list_voices' },
  formerNames: formerMediaNames('audio', 'audio'),
  input: () => ({
    voice_name: text(100).trim(),
    audio: media({ inline: AUDIO }),
    language: z.string().max(35).regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language code such as en or es').optional().describe('e.g. en; detected if omitted'),
    remove_background_noise: z.boolean().optional().describe('Default true'),
  }),
  output: () => ({
    voice_id: z.string(),
    status: z.string(),
    next_step: z.string(),
  }),
  async handler(args, ctx) {
    const r = await ctx.heygen.voices.clone(compact({
      voice_name: args.voice_name, audio: args.audio, language: args.language, remove_background_noise: args.remove_background_noise,
    }), ctx.call);
    const id = r.voice_clone_id;
    invalidateCatalog(ctx.state, 'voices');
    await ctx.state.jobs.record({ kind: 'voice_clone', id, tool: 'clone_voice', createdAt: Date.now() });
    ctx.link(`heygen://voices/${encodeURIComponent(id)}`, `Voice clone ${id}`, 'Clone status');
    return {
      voice_id: id,
      status: 'processing',
      // Voice clones finish as "complete", unlike every other HeyGen job ("completed").
      next_step: `Cloning started. Follow with wait_for_job {kind: "voice_clone", id: "${id}"} or get_voice; it is ready when status is "complete" (not "completed"), then use it as voice_id.`,
    };
  },
});
