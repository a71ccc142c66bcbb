import type { AnyToolDef } from '../define.js';
import validateVideoAgentPrompt from './validate-video-agent-prompt.js';

export const promptKitTools: AnyToolDef[] = [validateVideoAgentPrompt];
