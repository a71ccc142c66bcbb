import { z } from 'zod';
import { defineTool } from '../define.js';
import { heygenId, httpsUrl } from '../fields.js';
import { mediaRef } from './fields.js';

export default defineTool({
  name: 'update_proofread_subtitles',
  title: 'Replace proofread SRT',
  description: 'Replace a completed proofread\'s SRT (srt_url or srt_asset_id). Overwrites all earlier subtitle edits.',
  toolset: 'translation',
  kind: 'update',
  // The PUT overwrites the subtitles wholesale: repeatable, but earlier edits are lost.
  annotations: { destructiveHint: true },
  input: {
    proofread_id: heygenId(),
    srt_url: httpsUrl().optional(),
    srt_asset_id: heygenId().optional(),
  },
  output: {
    proofread_id: z.string(),
    status: z.string(),
  },
  async handler(a, { heygen, call, note }) {
    const srt = mediaRef('srt', a.srt_url, a.srt_asset_id, true);
    const p = await heygen.translations.updateProofreadSrt(a.proofread_id, { srt }, call);
    note('Subtitles replaced. Render the translated video with generate_from_proofread.');
    return { proofread_id: p.id, status: p.status };
  },
});
