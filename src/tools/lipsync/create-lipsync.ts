import { z } from 'zod';
import { defineTool } from '../define.js';
import { compact } from '../request-body.js';
import { heygenId, httpsUrl, text } from '../fields.js';
import { media } from '../media.js';
import { checkTimes } from '../translation/fields.js';

export default defineTool({
  name: 'create_lipsync',
  title: 'Lipsync video',
  description: 'Re-sync a video\'s lips to new audio. Media: https URL or asset id. Returns at once; then wait_for_job. Spends HeyGen credits.',
  toolset: 'lipsync',
  kind: 'create',
  spendsCredits: true,
  task: 'starts-job',
  hints: { recoverWith: 'list_lipsyncs' },
  input: () => ({
    video: media(),
    audio: media(),
    title: text(255).optional(),
    mode: z.enum(['speed', 'precision']).optional(),
    enable_caption: z.boolean().optional(),
    enable_dynamic_duration: z.boolean().optional().describe('let speech run longer than the source'),
    enable_speech_enhancement: z.boolean().optional(),
    disable_music_track: z.boolean().optional(),
    keep_the_same_format: z.boolean().optional().describe('keep source resolution and bitrate'),
    enable_watermark: z.boolean().optional(),
    fps_mode: z.enum(['vfr', 'cfr', 'passthrough']).optional().describe('output frame rate: variable, constant, as source'),
    start_time: z.number().min(0).optional().describe('seconds into the video'),
    end_time: z.number().positive().optional(),
    folder_id: heygenId().optional(),
    callback_url: httpsUrl().optional(),
    callback_id: text(200).optional(),
  }),
  output: () => ({
    lipsync_id: z.string(),
    status: z.string(),
  }),
  async handler(a, ctx) {
    checkTimes(a.start_time, a.end_time);
    const body = compact({
      video: a.video, audio: a.audio, title: a.title, mode: a.mode, enable_caption: a.enable_caption, enable_dynamic_duration: a.enable_dynamic_duration,
      enable_speech_enhancement: a.enable_speech_enhancement, disable_music_track: a.disable_music_track,
      keep_the_same_format: a.keep_the_same_format, enable_watermark: a.enable_watermark, fps_mode: a.fps_mode, start_time: a.start_time, end_time: a.end_time, folder_id: a.folder_id,
      callback_url: a.callback_url, callback_id: a.callback_id,
    });
    const { lipsync_id } = await ctx.heygen.lipsyncs.create(body, ctx.call);
    await ctx.state.jobs.record({ kind: 'lipsync', id: lipsync_id, tool: 'create_lipsync', createdAt: Date.now() });
    ctx.link(`heygen://lipsyncs/${lipsync_id}`, 'Lipsync status');
    ctx.note("Call wait_for_job {kind:'lipsync', id: lipsync_id} to follow it.");
    return { lipsync_id, status: 'pending' };
  },
});
