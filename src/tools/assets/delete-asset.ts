import { z } from 'zod';
import { defineTool } from '../define.js';
import { heygenId } from '../fields.js';

export default defineTool({
  name: 'delete_asset',
  title: 'Delete asset',
  description: 'Delete an uploaded asset.',
  toolset: 'manage',
  kind: 'delete',
  input: () => ({ asset_id: heygenId() }),
  output: () => ({ asset_id: z.string(), deleted: z.boolean() }),
  async handler({ asset_id }, { heygen, call }) {
    const r = await heygen.assets.delete(asset_id, call);
    return { asset_id: r.id, deleted: true };
  },
});
