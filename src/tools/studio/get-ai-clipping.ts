import { z } from 'zod';
import { defineTool } from '../define.js';
import { heygenId } from '../fields.js';

export default defineTool({
  name: 'get_ai_clipping',
  title: 'Get AI clipping job',
  description: 'Status and progress of a clipping job; once completed, each clip with its URL, length and virality score.',
  toolset: 'studio_extras',
  kind: 'read',
  hints: { idsFrom: 'list_ai_clippings' },
  input: () => ({ job_id: heygenId() }),
  output: () => ({
    job_id: z.string(),
    status: z.string(),
    progress: z.number().optional(),
    clips: z.array(z.object({
      clip_id: z.string(), status: z.string(), title: z.string().optional(), duration_seconds: z.number().optional(),
      virality_score: z.number().optional(), video_url: z.string().optional(), thumbnail_url: z.string().optional(),
    })),
    failure_message: z.string().optional(),
  }),
  async handler({ job_id }, { heygen, call }) {
    const j = await heygen.studio.getClipping(job_id, call);
    return {
      job_id: j.id, status: j.status, progress: j.progress, failure_message: j.failure_message,
      clips: j.clips.map((c) => ({
        clip_id: c.id, status: c.status, title: c.title, duration_seconds: c.duration_seconds,
        virality_score: c.virality_score, video_url: c.video_url, thumbnail_url: c.thumbnail_url,
      })),
    };
  },
});
