import type { AnyToolDef } from '../define.js';
import deleteAsset from './delete-asset.js';
import getAsset from './get-asset.js';
import uploadAsset from './upload-asset.js';

export const assetsTools: AnyToolDef[] = [uploadAsset, getAsset, deleteAsset];
