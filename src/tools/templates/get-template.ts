import { z } from 'zod';
import { defineTool } from '../define.js';
import { heygenId } from '../fields.js';

export default defineTool({
  name: 'get_template',
  title: 'Get template',
  description: 'A template\'s variables (name, type, default as JSON properties) and scenes, to fill in with create_video_from_template.',
  toolset: 'templates',
  kind: 'read',
  hints: { idsFrom: 'list_templates' },
  input: () => ({ template_id: heygenId() }),
  output: () => ({
    template_id: z.string(),
    name: z.string().optional(),
    aspect_ratio: z.string().optional(),
    variables: z.array(z.object({ name: z.string(), type: z.string(), default: z.string().optional() })),
    scenes: z.array(z.object({ scene_id: z.string(), script: z.string().optional(), variables: z.array(z.string()).optional() })),
  }),
  async handler({ template_id }, ctx) {
    const t = await ctx.heygen.templates.get(template_id, ctx.call);
    return {
      template_id: t.id,
      name: t.name,
      aspect_ratio: t.aspect_ratio,
      variables: Object.entries(t.variables ?? {}).map(([name, v]) => ({ name, type: v.type ?? 'text', default: v.properties ? JSON.stringify(v.properties) : undefined })),
      scenes: (t.scenes ?? []).map((s) => ({ scene_id: s.scene_id, script: s.script, variables: s.variables?.map((v) => v.name) })),
    };
  },
});
