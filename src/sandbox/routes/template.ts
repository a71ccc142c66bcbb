import { z } from 'zod';
import type { TemplateRec } from '../catalog.js';
import { badParam, notFound } from '../errors.js';
import { ok, page, type Ctx, type RouteDef } from '../http-server.js';
import { newId } from '../jobs.js';
import { opt, paginate, parseBody, str } from '../validate.js';
import { newVideo, requireLook, requireVoice, videoView } from './common.js';

const generateBody = z.object({
  variables: z.record(z.string(), z.unknown()),
  title: opt(str), caption: z.boolean().optional(), include_gif: z.boolean().optional(), enable_sharing: z.boolean().optional(),
  folder_id: opt(str), fps: z.number().optional(), brand_voice_id: opt(str), callback_id: opt(str), callback_url: opt(str),
  keep_text_vertically_centered: z.boolean().optional(), reorder_music: z.boolean().optional(), scene_ids: opt(z.array(str)),
  dimension: opt(z.object({ width: z.number().int().min(128).max(4096), height: z.number().int().min(128).max(4096) })),
  subtitles: opt(z.object({
    preset_name: z.string().min(1), alignment: opt(z.number().int()), disable_highlight: opt(z.boolean()), font_size: opt(z.number().int().positive()),
    position: opt(z.object({ x: z.number().optional(), y: z.number().optional() })),
  })),
});
const varValue = z.object({ name: opt(str), type: z.enum(['text', 'image', 'video', 'audio', 'voice', 'avatar']), properties: z.record(z.string(), z.unknown()) });

function findTemplate(ctx: Ctx): TemplateRec {
  const id = ctx.params['template_id'] ?? '';
  const t = ctx.core.catalog.templates.find((x) => x.id === id);
  if (!t) throw notFound('not_found', 'Template', id);
  return t;
}

export const templateRoutes: RouteDef[] = [
  {
    method: 'GET', path: '/v3/templates', handler: (ctx) => {
      const p = paginate(ctx.core.catalog.templates, ctx.query, 'templates', { max: 100, def: 10 });
      return page({
        ...p, data: p.data.map((t) => ({
          id: t.id, name: t.name, aspect_ratio: t.aspect_ratio, created_at: t.created_at, updated_at: t.updated_at,
          thumbnail_url: ctx.core.fileUrl(t.id, 'preview.jpg'),
        })),
      });
    },
  },
  {
    method: 'GET', path: '/v3/templates/{template_id}', handler: (ctx) => {
      const t = findTemplate(ctx);
      return ok({
        id: t.id, name: t.name, aspect_ratio: t.aspect_ratio, created_at: t.created_at, updated_at: t.updated_at,
        thumbnail_url: ctx.core.fileUrl(t.id, 'preview.jpg'),
        scene_ids: t.scenes.map((s) => s.scene_id),
        scenes: t.scenes.map((s) => ({
          scene_id: s.scene_id, script: s.script,
          variables: s.variables.map((n) => ({ name: n, variable_type: t.variables[n]?.type ?? 'text' })),
        })),
        variables: t.variables,
      });
    },
  },
  {
    method: 'POST', path: '/v3/templates/{template_id}', handler: (ctx) => {
      const t = findTemplate(ctx);
      const b = parseBody(generateBody, ctx.body);
      for (const [name, raw] of Object.entries(b.variables)) {
        const def = t.variables[name];
        if (!def) throw badParam(`variables.${name}`, `Template has no variable named '${name}' (known: ${Object.keys(t.variables).join(', ')})`);
        const r = varValue.safeParse(raw);
        if (!r.success) {
          const sub = r.error.issues[0]?.path.map(String).join('.') ?? '';
          throw badParam(`variables.${name}${sub ? `.${sub}` : ''}`, `Variable '${name}' must look like {"name","type","properties":{...}}`);
        }
        if (r.data.type !== def.type) throw badParam(`variables.${name}.type`, `Variable '${name}' has type '${def.type}', not '${r.data.type}'`);
        const props = r.data.properties;
        if (def.type === 'avatar' && typeof props['avatar_id'] === 'string') requireLook(ctx, props['avatar_id'], `variables.${name}.properties.avatar_id`);
        if (def.type === 'voice' && typeof props['voice_id'] === 'string') requireVoice(ctx, props['voice_id'], `variables.${name}.properties.voice_id`);
        if (def.type === 'text' && props['content'] !== undefined && typeof props['content'] !== 'string') throw badParam(`variables.${name}.properties.content`, 'Text content must be a string');
      }
      if (b.fps !== undefined && ![25, 30, 60].includes(b.fps)) throw badParam('fps', "'fps' must be 25, 30 or 60");
      if (b.dimension) {
        const portrait = b.dimension.height > b.dimension.width;
        if (portrait !== (t.aspect_ratio === '9:16')) throw badParam('dimension', `'dimension' must match the template's aspect ratio ${t.aspect_ratio}`);
      }
      b.scene_ids?.forEach((id, i) => { if (!t.scenes.some((s) => s.scene_id === id)) throw badParam(`scene_ids.${i}`, `Unknown scene '${id}'`); });
      ctx.core.charge(ctx.state, 'template');
      const v = newVideo(ctx.core, ctx.state, {
        id: newId(), title: b.title ?? t.name, folderId: b.folder_id ?? null, orientation: t.aspect_ratio === '9:16' ? 'portrait' : 'landscape',
        captions: !!b.caption || !!b.subtitles, gif: !!b.include_gif, callbackId: b.callback_id ?? null,
      });
      return ok(videoView(ctx.core, v));
    },
  },
];
