import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ServerDeps } from '../context.js';
import { registerAvatarVideoScript } from './avatar-video-script.js';
import { registerVideoAgentPrompt } from './video-agent-prompt.js';
import { registerTranslateVideoWorkflow } from './translate-video-workflow.js';
import { registerPhotoAvatarWorkflow } from './photo-avatar-workflow.js';

export type PromptRegistrar = (server: McpServer, deps: ServerDeps) => void;

/** Every workflow prompt. */
const REGISTRARS: PromptRegistrar[] = [registerVideoAgentPrompt, registerAvatarVideoScript, registerTranslateVideoWorkflow, registerPhotoAvatarWorkflow];

export function registerPrompts(server: McpServer, deps: ServerDeps): void {
  for (const register of REGISTRARS) register(server, deps);
}
