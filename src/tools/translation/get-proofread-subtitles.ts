import { z } from 'zod';
import { request } from '../../net/undici.js';
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
  input: {
    proofread_id: heygenId(),
    include_text: z.boolean().optional(),
  },
  output: {
    proofread_id: z.string(),
    srt_url: z.string(),
    original_srt_url: z.string().optional(),
    srt_text: z.string().optional(),
    truncated: z.boolean().optional(),
  },
  async handler({ proofread_id, include_text }, ctx) {
    const r = await ctx.heygen.translations.getProofreadSrt(proofread_id, ctx.call);
    if (!include_text) return { proofread_id, ...r };
    const { text, truncated } = await fetchText(r.srt_url, ctx);
    if (truncated) ctx.note('The SRT is longer than 100 kB; only its start is shown. Download srt_url for the whole file.');
    return { proofread_id, ...r, srt_text: text, ...(truncated ? { truncated } : {}) };
  },
});

/** Reads a presigned file URL HeyGen returned: no API key, bounded size and time. */
async function fetchText(url: string, ctx: ToolContext): Promise<{ text: string; truncated: boolean }> {
  const res = await request(url, { method: 'GET', signal: AbortSignal.any([ctx.signal, AbortSignal.timeout(30_000)]), dispatcher: ctx.deps.fileDispatcher });
  if (res.statusCode !== 200) {
    await res.body.dump();
    throw new ToolRefusal(`The subtitle link answered ${res.statusCode}; call get_proofread_subtitles again for a fresh link`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    const b = Buffer.from(chunk as Uint8Array);
    chunks.push(b);
    size += b.length;
    if (size > MAX_TEXT) { res.body.destroy(); break; }
  }
  const all = Buffer.concat(chunks);
  return { text: all.subarray(0, MAX_TEXT).toString('utf8'), truncated: all.length > MAX_TEXT };
}
