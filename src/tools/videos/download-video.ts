import { basename, extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { Video } from '../../heygen/api/videos.js';
import { defineTool } from '../define.js';
import { ToolRefusal } from '../../errors.js';
import { heygenId } from '../fields.js';
import { downloadToDir, ExpiredUrl, plainFileName } from '../../files/download.js';

function urlOf(v: Video, captioned: boolean): string {
  if (v.status !== 'completed') throw new ToolRefusal(`Video ${v.id} is ${v.status}, not completed; wait_for_job {"kind":"video","id":"${v.id}"} first.`);
  const url = captioned ? v.captioned_video_url : v.video_url;
  if (!url) throw new ToolRefusal(captioned ? `Video ${v.id} has no captioned version (create it with captions: burned_in).` : `HeyGen gave no file URL for video ${v.id}.`);
  return url;
}

export default defineTool({
  name: 'download_video',
  title: 'Download video file',
  description: 'Save a completed video as a local file in the download folder and return its path. Over HTTP transport the download URL is returned instead.',
  toolset: 'videos',
  kind: 'create',
  hints: { idsFrom: 'list_videos' },
  input: () => ({
    video_id: heygenId(),
    filename: z.string().min(1).max(200).optional().describe('Plain file name (default <video_id>.mp4).'),
    captioned: z.boolean().optional().describe('The version with burned-in captions.'),
  }),
  output: () => ({
    video_id: z.string(),
    path: z.string().optional(),
    size_bytes: z.number().optional(),
    video_url: z.string().optional(),
  }),
  async handler(a, ctx) {
    // The name is checked before anything is asked of HeyGen (the extension follows the file).
    if (ctx.deps.transport !== 'http') plainFileName(a.filename, a.video_id, '.mp4');
    let video = await ctx.heygen.videos.get(a.video_id, ctx.call);
    let url = urlOf(video, a.captioned === true);
    if (ctx.deps.transport === 'http') {
      ctx.note('This server runs over HTTP, so nothing is saved on its disk: fetch the URL (it expires; get_video gives a fresh one).');
      return { video_id: video.id, video_url: url };
    }
    const ext = extname(new URL(url).pathname).toLowerCase() === '.webm' ? '.webm' : '.mp4';
    const name = plainFileName(a.filename, a.video_id, ext);
    const fetchOnce = () => downloadToDir(url, ctx.deps.config.downloadDir, name, { dispatcher: ctx.deps.fileDispatcher, signal: ctx.signal });
    let file;
    try {
      file = await fetchOnce();
    } catch (err) {
      if (!(err instanceof ExpiredUrl)) throw err;
      // Presigned links expire; one fresh read of the video is the documented cure.
      video = await ctx.heygen.videos.get(a.video_id, ctx.call);
      url = urlOf(video, a.captioned === true);
      try {
        file = await fetchOnce();
      } catch (again) {
        if (again instanceof ExpiredUrl) throw new ToolRefusal(`The file host refused the download (${again.status}) even with a fresh link; try again later.`);
        throw again;
      }
    }
    ctx.attach({ type: 'resource_link', uri: pathToFileURL(file.path).href, name: basename(file.path), mimeType: file.contentType ?? (ext === '.webm' ? 'video/webm' : 'video/mp4'), size: file.size });
    return { video_id: video.id, path: file.path, size_bytes: file.size };
  },
});
