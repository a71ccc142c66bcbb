import { z } from 'zod';
import { HeyGenError } from '../../heygen/errors.js';
import { defineTool } from '../define.js';
import { idOf } from '../assets/media-input.js';

export default defineTool({
  name: 'delete_voice',
  title: 'Delete a cloned voice',
  description: 'Permanently delete one of your cloned voices. Deleting a voice that is already gone counts as done.',
  toolset: 'voices',
  kind: 'delete',
  hints: { idsFrom: 'list_voices' },
  input: { voice_id: idOf('Id of the cloned voice to delete.') },
  output: { voice_id: z.string(), deleted: z.boolean(), already_deleted: z.boolean().optional() },
  async handler({ voice_id }, { heygen, call }) {
    try {
      const r = await heygen.voices.delete(voice_id, call);
      return { voice_id: r.voice_id, deleted: true };
    } catch (err) {
      // HeyGen answers a repeated delete with 404 voice_not_found: the goal state holds.
      if (err instanceof HeyGenError && err.code === 'voice_not_found') return { voice_id, deleted: true, already_deleted: true };
      throw err;
    }
  },
});
