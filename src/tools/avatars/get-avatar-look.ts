import { z } from 'zod';
import { getLook } from '../../catalog/avatars.js';
import { catalogCtx } from '../../catalog/context.js';
import { heygenId } from '../fields.js';
import { fetchPreviewImage, PreviewError } from '../../catalog/preview.js';
import { defineTool } from '../define.js';

export default defineTool({
  name: 'get_avatar_look',
  title: 'Get avatar look',
  description: 'One look: engines, preview, default_voice_id (use it by default). include_preview_image attaches the picture.',
  toolset: 'avatars',
  kind: 'read',
  hints: { idsFrom: 'list_avatar_looks' },
  input: () => ({
    look_id: heygenId(),
    include_preview_image: z.boolean().optional(),
  }),
  output: () => ({
    look_id: z.string(),
    name: z.string().optional(),
    group_id: z.string().optional(),
    avatar_type: z.string().optional(),
    orientation: z.string().optional(),
    image_width: z.number().optional(),
    image_height: z.number().optional(),
    engines: z.array(z.string()).optional(),
    default_voice_id: z.string().optional(),
    preview_image_url: z.string().optional(),
    preview_video_url: z.string().optional(),
  }),
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
      look_id: l.id, name: l.name, group_id: l.group_id, avatar_type: l.avatar_type, orientation: l.preferred_orientation, image_width: l.image_width, image_height: l.image_height,
      engines: l.supported_api_engines, default_voice_id: l.default_voice_id,
      preview_image_url: l.preview_image_url, preview_video_url: l.preview_video_url,
    };
  },
});
