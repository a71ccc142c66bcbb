import { z } from 'zod';
import { defineTool } from '../define.js';
import { heygenId } from '../fields.js';

export default defineTool({
  name: 'get_background_removal',
  title: 'Get background removal',
  description: 'Status of a background removal; once completed, a URL per layer (foreground, mask, background).',
  toolset: 'studio_extras',
  kind: 'read',
  hints: { idsFrom: 'list_background_removals' },
  input: () => ({ job_id: heygenId() }),
  output: () => ({
    job_id: z.string(),
    status: z.string(),
    duration: z.number().optional(),
    foreground_url: z.string().optional(),
    mask_url: z.string().optional(),
    background_url: z.string().optional(),
    error: z.string().optional(),
  }),
  async handler({ job_id }, { heygen, call }) {
    const j = await heygen.studio.getBackgroundRemoval(job_id, call);
    const url = (layer: string) => (typeof j.layers[layer] === 'string' ? j.layers[layer] as string : undefined);
    return {
      job_id: j.id, status: j.status, duration: j.duration, error: j.error,
      foreground_url: url('foreground'), mask_url: url('mask'), background_url: url('background'),
    };
  },
});
