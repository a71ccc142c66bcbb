import { z } from 'zod';
import { defineTool } from '../define.js';
import { heygenId } from '../fields.js';

export default defineTool({
  name: 'get_translation_proofread',
  title: 'Get proofread',
  description: 'Proofread status. Then get_proofread_subtitles, update_proofread_subtitles, generate_from_proofread.',
  toolset: 'proofread',
  kind: 'read',
  input: () => ({ proofread_id: heygenId() }),
  output: () => ({
    proofread_id: z.string(),
    status: z.string(),
    output_language: z.string().optional(),
    failure_message: z.string().optional(),
  }),
  async handler({ proofread_id }, { heygen, call }) {
    const { id, created_at: _c, ...p } = await heygen.translations.getProofread(proofread_id, call);
    return { ...p, proofread_id: id };
  },
});
