import { z } from 'zod';
import { defineTool } from '../define.js';
import { pageInput, pageOutput, pageRequest, pageResult } from '../paging.js';

export default defineTool({
  name: 'list_brand_kits',
  title: 'List brand kits',
  description: 'Brand kits (colours, logo) whose brand_kit_id create_video_agent and send_video_agent_message take.',
  toolset: 'studio_extras',
  kind: 'read',
  input: () => ({ ...pageInput() }),
  output: () => ({
    brand_kits: z.array(z.object({ brand_kit_id: z.string(), name: z.string(), colors: z.array(z.string()), logo_url: z.string().optional() })),
    ...pageOutput(),
  }),
  async handler(a, { heygen, call }) {
    const page = await heygen.studio.listBrandKits(pageRequest(a), call);
    return { brand_kits: page.items, ...pageResult(page) };
  },
});
