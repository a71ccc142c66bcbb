import { z } from 'zod';
import { HeyGenError } from '../../heygen/errors.js';
import { defineTool } from '../define.js';
import { invalidateCatalog } from '../../catalog/context.js';
import { heygenId } from '../fields.js';

export default defineTool({
  name: 'delete_voice',
  title: 'Delete voice',
  description: 'Delete one of your cloned voices.',
  toolset: 'manage',
  kind: 'delete',
  hints: { idsFrom: 'list_voices' },
  input: () => ({ voice_id: heygenId() }),
  output: () => ({ voice_id: z.string(), deleted: z.boolean(), already_deleted: z.boolean().optional() }),
  async handler({ voice_id }, { heygen, call, state }) {
    try {
      const r = await heygen.voices.delete(voice_id, call);
      invalidateCatalog(state, 'voices');
      return { voice_id: r.voice_id, deleted: true };
    } catch (err) {
      // HeyGen answers a repeated delete with 404 voice_not_found: the goal state holds.
      if (err instanceof HeyGenError && err.code === 'voice_not_found') {
        invalidateCatalog(state, 'voices');
        return { voice_id, deleted: true, already_deleted: true };
      }
      throw err;
    }
  },
});
