import type { AnyToolDef } from '../define.js';

export const webhooksTools: AnyToolDef[] = [];
