import { z } from 'zod';
import { getLook } from '../../catalog/avatars.js';
import { catalogCtx } from '../../catalog/context.js';
import { catalogId } from '../../catalog/inputs.js';
import { fetchPreviewImage, PreviewError } from '../../catalog/preview.js';
import { defineTool } from '../define.js';

export default defineTool({
  name: 'get_avatar_look',
  title: 'Get avatar look',
  description: 'Show one look: default voice, supported engines, orientation, previews. include_preview_image: true returns the picture itself to look at before choosing.',
  toolset: 'avatars',
  kind: 'read',
  hints: { idsFrom: 'list_avatar_looks' },
  input: {
    look_id: catalogId('look'),
    include_preview_image: z.boolean().optional().describe('Attach the preview image (≤ 1 MB).'),
  },
  output: {
    look_id: z.string(),
    name: z.string().optional(),
    group_id: z.string().optional(),
    avatar_type: z.string().optional(),
    gender: z.string().optional(),
    orientation: z.string().optional(),
    width: z.number().optional(),
    height: z.number().optional(),
    engines: z.array(z.string()).optional(),
    default_voice_id: z.string().optional(),
    preview_image_url: z.string().optional(),
    preview_video_url: z.string().optional(),
    tags: z.array(z.string()).optional(),
    status: z.string().optional(),
  },
  async handler({ look_id, include_preview_image }, ctx) {
    const l = await getLook(catalogCtx(ctx.deps, ctx.call), look_id);
    if (include_preview_image) {
      if (!l.preview_image_url) ctx.note('This look has no preview image.');
      else {
        try {
          const img = await fetchPreviewImage(l.preview_image_url, { dispatcher: ctx.deps.fileDispatcher, signal: ctx.signal });
          ctx.attach({ type: 'image', data: img.data, mimeType: img.mimeType });
        } catch (err) {
          if (!(err instanceof PreviewError)) throw err;
          ctx.note(`Preview image not attached: ${err.message}. The URL above still works in a browser.`);
        }
      }
    }
    if (l.default_voice_id) ctx.note(`Default voice: get_voice {"voice_id":"${l.default_voice_id}"}, or list_voices by gender and language.`);
    return {
      look_id: l.id, name: l.name, group_id: l.group_id, avatar_type: l.avatar_type, gender: l.gender,
      orientation: l.preferred_orientation, width: l.image_width, height: l.image_height,
      engines: l.supported_api_engines, default_voice_id: l.default_voice_id,
      preview_image_url: l.preview_image_url, preview_video_url: l.preview_video_url, tags: l.tags, status: l.status,
    };
  },
});
