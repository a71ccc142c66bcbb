import type { AnyToolDef } from '../define.js';
import deleteAsset from './delete-asset.js';
import getAsset from './get-asset.js';
import listAssets from './list-assets.js';
import searchAssets from './search-assets.js';
import uploadAsset from './upload-asset.js';

export const assetsTools: AnyToolDef[] = [uploadAsset, getAsset, listAssets, searchAssets, deleteAsset];
