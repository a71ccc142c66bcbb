import { z } from 'zod';
import { defineTool } from '../define.js';
import { heygenId } from '../fields.js';

export default defineTool({
  name: 'get_asset',
  title: 'Get asset',
  description: 'An uploaded asset: name, type, URL.',
  toolset: 'assets',
  kind: 'read',
  input: () => ({ asset_id: heygenId() }),
  output: () => ({
    asset_id: z.string(),
    name: z.string().optional(),
    type: z.string().optional(),
    url: z.string().optional(),
  }),
  async handler({ asset_id }, { heygen, call }) {
    const a = await heygen.assets.get(asset_id, call);
    return { asset_id: a.id, name: a.name, type: a.type, url: a.url };
  },
});
