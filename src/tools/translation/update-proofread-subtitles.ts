import { z } from 'zod';
import { defineTool } from '../define.js';
import { assetId, httpsUrl, jobId, mediaRef } from './fields.js';

export default defineTool({
  name: 'update_proofread_subtitles',
  title: 'Replace proofread subtitles',
  description: 'Replace a completed proofread\'s subtitles with a new SRT (https URL or asset id). Overwrites all current subtitle edits; they cannot be recovered.',
  toolset: 'translation',
  kind: 'update',
  // The PUT overwrites the subtitles wholesale: repeatable, but earlier edits are lost.
  annotations: { destructiveHint: true },
  input: {
    proofread_id: jobId('Id from create_translation_proofread.'),
    srt_url: httpsUrl('Public https URL of the new SRT file.').optional(),
    srt_asset_id: assetId('new SRT file').optional(),
  },
  output: {
    proofread_id: z.string(),
    status: z.string(),
    output_language: z.string().optional(),
  },
  async handler(a, { heygen, call, note }) {
    const srt = mediaRef('srt', a.srt_url, a.srt_asset_id, true);
    const p = await heygen.translations.updateProofreadSrt(a.proofread_id, { srt }, call);
    note('Subtitles replaced. Render the translated video with generate_from_proofread.');
    return { proofread_id: p.id, status: p.status, output_language: p.output_language };
  },
});
