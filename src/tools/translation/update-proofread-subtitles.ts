import { z } from 'zod';
import { defineTool } from '../define.js';
import { heygenId } from '../fields.js';
import { media } from '../media.js';

export default defineTool({
  name: 'update_proofread_subtitles',
  title: 'Replace proofread SRT',
  description: 'Replace a completed proofread\'s SRT (https URL or asset id). Overwrites all earlier subtitle edits.',
  toolset: 'proofread',
  kind: 'update',
  // The PUT overwrites the subtitles wholesale: repeatable, but earlier edits are lost.
  annotations: { destructiveHint: true },
  input: () => ({
    proofread_id: heygenId(),
    srt: media(),
  }),
  output: () => ({
    proofread_id: z.string(),
    status: z.string(),
  }),
  async handler(a, { heygen, call, note }) {
    const p = await heygen.translations.updateProofreadSrt(a.proofread_id, { srt: a.srt }, call);
    note('Subtitles replaced. Render the translated video with generate_from_proofread.');
    return { proofread_id: p.id, status: p.status };
  },
});
