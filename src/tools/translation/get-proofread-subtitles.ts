import { z } from 'zod';
import { FileReadError, readHeyGenFile } from '../../files/heygen-file.js';
import { defineTool, type ToolContext } from '../define.js';
import { ToolRefusal } from '../../errors.js';
import { heygenId } from '../fields.js';

const MAX_TEXT = 100_000;

export default defineTool({
  name: 'get_proofread_subtitles',
  title: 'Get proofread SRT',
  description: 'A completed proofread\'s SRT links; include_text adds the edited SRT (≤ 100 kB).',
  toolset: 'proofread',
  kind: 'read',
  input: () => ({
    proofread_id: heygenId(),
    include_text: z.boolean().optional(),
  }),
  output: () => ({
    proofread_id: z.string(),
    srt_url: z.string(),
    original_srt_url: z.string().optional(),
    srt_text: z.string().optional(),
    truncated: z.boolean().optional(),
  }),
  async handler({ proofread_id, include_text }, ctx) {
    const r = await ctx.heygen.translations.getProofreadSrt(proofread_id, ctx.call);
    if (!include_text) return { proofread_id, ...r };
    const { text, truncated } = await fetchText(r.srt_url, ctx);
    if (truncated) ctx.note('The SRT is longer than 100 kB; only its start is shown. Download srt_url for the whole file.');
    return { proofread_id, ...r, srt_text: text, ...(truncated ? { truncated } : {}) };
  },
});

/** The edited SRT, at most 100 kB of it, through the one reader of HeyGen's file URLs. */
async function fetchText(url: string, ctx: ToolContext): Promise<{ text: string; truncated: boolean }> {
  try {
    const file = await readHeyGenFile(url, { maxBytes: MAX_TEXT, timeoutMs: 30_000, truncate: true, dispatcher: ctx.deps.fileDispatcher, signal: ctx.signal });
    return { text: file.bytes.toString('utf8'), truncated: file.truncated };
  } catch (err) {
    if (!(err instanceof FileReadError)) throw err;
    throw new ToolRefusal(err.reason === 'status'
      ? `The subtitle link answered ${err.status}; call get_proofread_subtitles again for a fresh link`
      : `The subtitle file could not be read (${err.message}); try again`);
  }
}
