import { z } from 'zod';
import { defineTool } from '../define.js';
import { idOf } from './media-input.js';

export default defineTool({
  name: 'delete_asset',
  title: 'Delete an asset',
  description: 'Permanently delete an uploaded asset. Cannot be undone.',
  toolset: 'assets',
  kind: 'delete',
  input: { asset_id: idOf('Asset id to delete.') },
  output: { asset_id: z.string(), deleted: z.boolean() },
  async handler({ asset_id }, { heygen, call }) {
    const r = await heygen.assets.delete(asset_id, call);
    return { asset_id: r.id, deleted: true };
  },
});
