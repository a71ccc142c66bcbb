import { z } from 'zod';
import type { TemplateGenerateBody } from '../../heygen/api/templates.js';
import { defineTool } from '../define.js';
import { InputError } from '../../errors.js';
import { heygenId, httpsUrl } from '../fields.js';
import { videoStarted } from '../videos/created.js';
import { callbackId, createdOutput, nestedText, pick, title } from '../videos/shared-inputs.js';
import { buildVariables } from './template-variables.js';

export default defineTool({
  name: 'create_video_from_template',
  title: 'Video from template',
  description: 'Render a template with variables (checked via get_template). Spends HeyGen credits.',
  toolset: 'templates',
  kind: 'create',
  spendsCredits: true,
  task: 'starts-job',
  hints: { recoverWith: 'list_videos', idsFrom: 'list_templates' },
  input: () => ({
    template_id: heygenId(),
    variables: z.object({}).catchall(z.string().refine((v) => v.length <= 10_000, 'at most 10,000 characters')).describe('text, URL, avatar/voice id or JSON properties'),
    title: title().optional(),
    caption: z.boolean().optional().describe('burn in captions'),
    scene_ids: z.array(heygenId()).refine((v) => v.length >= 1 && v.length <= 100, '1 to 100 scene ids').optional().describe('scenes to render, in order'),
    fps: z.literal([25, 30, 60]).optional(),
    dimension: z.string().max(9).optional().describe('e.g. 1280x720'),
    subtitles: z.object({
      preset_name: nestedText(50).optional(),
      alignment: z.number().int().optional(),
      disable_highlight: z.boolean().optional(),
      font_size: z.number().int().refine((v) => v > 0 && v <= 500, '1 to 500').optional(),
      x: z.number().optional(),
      y: z.number().optional(),
    }).optional(),
    folder_id: heygenId().optional(),
    brand_voice_id: heygenId().optional().describe('pronunciation rules'),
    include_gif: z.boolean().optional().describe('GIF preview in the webhook'),
    enable_sharing: z.boolean().optional().describe('public share page'),
    keep_text_vertically_centered: z.boolean().optional(),
    reorder_music: z.boolean().optional().describe('music moves with its scene'),
    callback_url: httpsUrl().optional(),
    callback_id: callbackId().optional(),
  }),
  output: () => createdOutput,
  async handler(a, ctx) {
    const t = await ctx.heygen.templates.get(a.template_id, ctx.call);
    const variables = buildVariables(t, a.variables);
    const scenes = new Set((t.scenes ?? []).map((s) => s.scene_id));
    a.scene_ids?.forEach((id, i) => { if (scenes.size && !scenes.has(id)) throw new InputError(`scene_ids.${i}`, `not a scene of this template (get_template lists them)`); });
    const dimension = a.dimension === undefined ? undefined : dimensionOf(a.dimension);
    if (dimension && t.aspect_ratio) {
      const [w, h] = t.aspect_ratio.split(':').map(Number);
      if (w && h && Math.abs(dimension.width / dimension.height - w / h) > 0.02) throw new InputError('dimension', `must match the template's ${t.aspect_ratio} aspect ratio`);
    }
    const body: TemplateGenerateBody = {
      variables,
      ...pick(a, ['title', 'caption', 'scene_ids', 'fps', 'folder_id', 'brand_voice_id', 'include_gif', 'enable_sharing', 'keep_text_vertically_centered', 'reorder_music', 'callback_url', 'callback_id']),
      ...(dimension ? { dimension } : {}),
      ...(a.subtitles ? { subtitles: subtitlesOf(a.subtitles) } : {}),
    };
    const v = await ctx.heygen.templates.generate(a.template_id, body, ctx.call);
    return videoStarted(ctx, 'create_video_from_template', { video_id: v.id, status: v.status });
  },
});

/** "1280x720" → {width, height}: even pixel counts from 128 to 4096, as HeyGen requires. */
function dimensionOf(v: string): { width: number; height: number } {
  const m = /^(\d{3,4})x(\d{3,4})$/.exec(v);
  const [width, height] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
  const ok = (n: number) => n >= 128 && n <= 4096 && n % 2 === 0;
  if (!ok(width) || !ok(height)) throw new InputError('dimension', 'WIDTHxHEIGHT with even numbers from 128 to 4096, e.g. 1280x720');
  return { width, height };
}

function subtitlesOf(s: { preset_name?: string | undefined; alignment?: number | undefined; disable_highlight?: boolean | undefined; font_size?: number | undefined; x?: number | undefined; y?: number | undefined }): NonNullable<TemplateGenerateBody['subtitles']> {
  // Required by HeyGen; checked here so the advertised schema stays flat.
  if (!s.preset_name) throw new InputError('subtitles.preset_name', 'required, e.g. classic, bold or bright');
  const position = pick(s, ['x', 'y']);
  return { preset_name: s.preset_name, ...pick(s, ['alignment', 'disable_highlight', 'font_size']), ...(Object.keys(position).length ? { position } : {}) };
}
