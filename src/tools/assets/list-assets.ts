import { z } from 'zod';
import { defineTool } from '../define.js';
import { heygenId, text } from '../fields.js';
import { pageInput, pageOutput, pageRequest, pageResult } from '../paging.js';

export default defineTool({
  name: 'list_assets',
  title: 'List uploaded assets',
  description: 'A workspace member\'s uploaded assets, newest first (HeyGen beta: username, the assets\' owner, is required).',
  toolset: 'assets',
  kind: 'read',
  input: () => ({
    username: text(200).describe('owner of the assets'),
    folder_id: heygenId().optional(),
    ...pageInput(),
  }),
  output: () => ({
    assets: z.array(z.object({ asset_id: z.string(), name: z.string().optional(), type: z.string().optional(), url: z.string().optional(), folder_id: z.string().optional() })),
    ...pageOutput(),
  }),
  async handler(a, { heygen, call }) {
    const page = await heygen.assets.list({ username: a.username, folder_id: a.folder_id, ...pageRequest(a) }, call);
    return { assets: page.items.map((x) => ({ asset_id: x.id, name: x.name, type: x.type, url: x.url, folder_id: x.folder_id })), ...pageResult(page) };
  },
});
