import type { VideoCreated } from '../../heygen/api/videos.js';
import { videoKind } from '../../jobs/video-kinds.js';
import type { ToolContext } from '../define.js';

/** After a render was accepted: remember the job, link its status resource, say what comes next. */
export async function videoStarted(ctx: ToolContext, tool: string, r: VideoCreated): Promise<{ video_id: string }> {
  await ctx.state.jobs.record({ kind: 'video', id: r.video_id, tool, createdAt: Date.now() });
  ctx.link(videoKind.resourceUri(r.video_id), `Video ${r.video_id}`, 'Live render status');
  ctx.note(`Rendering started. Next: wait_for_job {"kind":"video","id":"${r.video_id}"}, then download_video.`);
  return { video_id: r.video_id };
}
