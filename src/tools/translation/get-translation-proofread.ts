import { z } from 'zod';
import { defineTool } from '../define.js';
import { jobId } from './fields.js';

export default defineTool({
  name: 'get_translation_proofread',
  title: 'Get a translation proofread',
  description: 'Status of a proofread session (processing, completed, failed). When completed, its subtitles can be reviewed and the video generated.',
  toolset: 'translation',
  kind: 'read',
  input: { proofread_id: jobId('Id from create_translation_proofread.') },
  output: {
    proofread_id: z.string(),
    status: z.string(),
    title: z.string().optional(),
    input_language: z.string().optional(),
    output_language: z.string().optional(),
    submitted_for_review: z.boolean().optional(),
    failure_message: z.string().optional(),
  },
  async handler({ proofread_id }, { heygen, call }) {
    const { id, created_at: _c, ...p } = await heygen.translations.getProofread(proofread_id, call);
    return { ...p, proofread_id: id };
  },
});
