import type { AnyToolDef } from '../define.js';
import createVideoAgent from './create-video-agent.js';
import getVideoAgentResource from './get-video-agent-resource.js';
import getVideoAgentSession from './get-video-agent-session.js';
import listVideoAgentSessions from './list-video-agent-sessions.js';
import listVideoAgentStyles from './list-video-agent-styles.js';
import listVideoAgentVideos from './list-video-agent-videos.js';
import sendVideoAgentMessage from './send-video-agent-message.js';
import stopVideoAgentSession from './stop-video-agent-session.js';

export const videoAgentTools: AnyToolDef[] = [
  createVideoAgent, getVideoAgentSession, sendVideoAgentMessage, stopVideoAgentSession,
  listVideoAgentSessions, listVideoAgentVideos, getVideoAgentResource, listVideoAgentStyles,
];
