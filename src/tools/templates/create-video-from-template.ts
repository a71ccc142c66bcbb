import { z } from 'zod';
import { defineTool } from '../define.js';
import { InputError } from '../errors.js';
import { videoStarted } from '../videos/created.js';
import { createdOutput, heygenId, httpsUrl, pick } from '../videos/shared-inputs.js';
import { buildVariables } from './template-variables.js';

export default defineTool({
  name: 'create_video_from_template',
  title: 'Create video from template',
  description: 'Render a template with its variables filled in (checked against get_template first). Spends HeyGen credits. Returns at once; follow with wait_for_job.',
  toolset: 'templates',
  kind: 'create',
  spendsCredits: true,
  hints: { recoverWith: 'list_videos', idsFrom: 'list_templates' },
  input: {
    template_id: heygenId('template_id'),
    variables: z.record(z.string().min(1).max(100), z.union([
      z.string().max(10_000),
      z.object({ type: z.string().optional(), properties: z.record(z.string(), z.unknown()) }),
    ])).describe('By variable name: a string (text, media https URL, avatar or voice id) or {properties:{...}} as get_template shows.'),
    title: z.string().trim().min(1).max(200).optional(),
    caption: z.boolean().optional(),
    scene_ids: z.array(heygenId('scene_ids item')).min(1).max(100).optional().describe('In order; repeats allowed.'),
    fps: z.union([z.literal(25), z.literal(30), z.literal(60)]).optional(),
    dimension: z.object({ width: z.number().int().min(128).max(4096).multipleOf(2), height: z.number().int().min(128).max(4096).multipleOf(2) }).optional(),
    subtitles: z.object({
      preset_name: z.string().min(1).max(50),
      alignment: z.number().int().optional(),
      disable_highlight: z.boolean().optional(),
      font_size: z.number().int().positive().max(500).optional(),
      position: z.object({ x: z.number().optional(), y: z.number().optional() }).optional(),
    }).optional(),
    folder_id: heygenId('folder_id').optional(),
    brand_voice_id: heygenId('brand_voice_id').optional(),
    include_gif: z.boolean().optional(),
    enable_sharing: z.boolean().optional(),
    keep_text_vertically_centered: z.boolean().optional(),
    reorder_music: z.boolean().optional(),
    callback_url: httpsUrl.optional(),
    callback_id: z.string().min(1).max(200).optional(),
  },
  output: createdOutput,
  async handler(a, ctx) {
    const t = await ctx.heygen.templates.get(a.template_id, ctx.call);
    const variables = buildVariables(t, a.variables);
    const scenes = new Set((t.scenes ?? []).map((s) => s.scene_id));
    a.scene_ids?.forEach((id, i) => { if (scenes.size && !scenes.has(id)) throw new InputError(`scene_ids.${i}`, `not a scene of this template (get_template lists them)`); });
    if (a.dimension && t.aspect_ratio) {
      const [w, h] = t.aspect_ratio.split(':').map(Number);
      if (w && h && Math.abs(a.dimension.width / a.dimension.height - w / h) > 0.02) throw new InputError('dimension', `must match the template's ${t.aspect_ratio} aspect ratio`);
    }
    const body = {
      variables,
      ...pick(a, ['title', 'caption', 'scene_ids', 'fps', 'dimension', 'subtitles', 'folder_id', 'brand_voice_id', 'include_gif', 'enable_sharing', 'keep_text_vertically_centered', 'reorder_music', 'callback_url', 'callback_id']),
    };
    const v = await ctx.heygen.templates.generate(a.template_id, body, ctx.call);
    return videoStarted(ctx, 'create_video_from_template', { video_id: v.id, status: v.status });
  },
});
