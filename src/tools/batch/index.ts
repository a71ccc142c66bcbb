import type { AnyToolDef } from '../define.js';
import completeAssetUploadBatch from './complete-asset-upload-batch.js';
import createAssetUploadBatch from './create-asset-upload-batch.js';
import createLipsyncBatch from './create-lipsync-batch.js';
import createVideoBatch from './create-video-batch.js';
import createVideoTranslationBatch from './create-video-translation-batch.js';
import getBatch from './get-batch.js';
import getJobStatuses from './get-job-statuses.js';

export const batchTools: AnyToolDef[] = [
  createVideoBatch, createLipsyncBatch, createVideoTranslationBatch, createAssetUploadBatch, completeAssetUploadBatch, getBatch, getJobStatuses,
];
