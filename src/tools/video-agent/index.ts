import type { AnyToolDef } from '../define.js';

export const videoAgentTools: AnyToolDef[] = [];
