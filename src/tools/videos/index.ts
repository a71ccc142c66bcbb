import type { AnyToolDef } from '../define.js';
import createAvatarVideo from './create-avatar-video.js';
import createCinematicVideo from './create-cinematic-video.js';
import createStudioVideo from './create-studio-video.js';
import createVideoFromImage from './create-video-from-image.js';
import deleteVideo from './delete-video.js';
import downloadVideo from './download-video.js';
import getVideo from './get-video.js';
import listVideos from './list-videos.js';
import waitForJob from './wait-for-job.js';

export const videosTools: AnyToolDef[] = [
  createAvatarVideo, createVideoFromImage, createStudioVideo, createCinematicVideo,
  getVideo, listVideos, deleteVideo, waitForJob, downloadVideo,
];
