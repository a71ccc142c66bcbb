import type { RouteDef } from '../http-server.js';
import { assetRoutes, handleUpload } from './asset.js';
import { avatarRoutes } from './avatar.js';
import { batchRoutes } from './batches.js';
import { lipsyncRoutes } from './lipsync.js';
import { studioRoutes } from './studio.js';
import { templateRoutes } from './template.js';
import { videoAgentRoutes } from './video-agent.js';
import { translateRoutes } from './video-translate.js';
import { userRoutes, videoRoutes } from './video.js';
import { voiceRoutes } from './voice.js';
import { webhookRoutes } from './webhook.js';

export function allRoutes(): RouteDef[] {
  return [
    ...userRoutes, ...videoRoutes, ...videoAgentRoutes, ...avatarRoutes, ...voiceRoutes, ...templateRoutes,
    ...assetRoutes, ...translateRoutes, ...webhookRoutes, ...lipsyncRoutes, ...batchRoutes, ...studioRoutes,
  ];
}

export { handleUpload };
