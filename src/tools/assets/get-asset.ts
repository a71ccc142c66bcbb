import { z } from 'zod';
import { defineTool } from '../define.js';
import { idOf } from './media-input.js';

export default defineTool({
  name: 'get_asset',
  title: 'Get an asset',
  description: 'Show an uploaded asset: name, type (image, video, audio, …), upload time and its public URL.',
  toolset: 'assets',
  kind: 'read',
  input: { asset_id: idOf('Asset id (from upload_asset).') },
  output: {
    asset_id: z.string(),
    name: z.string().optional(),
    type: z.string().optional(),
    url: z.string().optional(),
    uploaded_at: z.number().optional(),
    folder_id: z.string().optional(),
  },
  async handler({ asset_id }, { heygen, call }) {
    const a = await heygen.assets.get(asset_id, call);
    return { asset_id: a.id, name: a.name, type: a.type, url: a.url, uploaded_at: a.uploaded_at, folder_id: a.folder_id };
  },
});
