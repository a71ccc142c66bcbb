import { z } from 'zod';
import { defineTool } from '../define.js';
import { pageInput, pageOutput, pageRequest, pageResult } from '../paging.js';

export default defineTool({
  name: 'list_video_agent_styles',
  title: 'List Video Agent styles',
  description: 'Visual style presets for create_video_agent (style_id, name, tags, aspect ratio). Filter by tag; pass next_token for more.',
  toolset: 'video_agent',
  kind: 'read',
  input: () => ({
    tag: z.string().trim().min(1).max(50).optional().describe('e.g. cinematic, minimal'),
    ...pageInput(),
  }),
  output: () => ({
    styles: z.array(z.object({ style_id: z.string(), name: z.string().optional(), tags: z.array(z.string()).optional(), aspect_ratio: z.string().optional(), thumbnail_url: z.string().optional(), preview_video_url: z.string().optional() })),
    ...pageOutput(),
  }),
  async handler(a, ctx) {
    const page = await ctx.heygen.videoAgents.listStyles({ tag: a.tag, ...pageRequest(a) }, ctx.call);
    return {
      styles: page.items.map((s) => ({ style_id: s.style_id, name: s.name, tags: s.tags, aspect_ratio: s.aspect_ratio, thumbnail_url: s.thumbnail_url, preview_video_url: s.preview_video_url })),
      ...pageResult(page),
    };
  },
});
