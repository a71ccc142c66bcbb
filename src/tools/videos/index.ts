import type { AnyToolDef } from '../define.js';

export const videosTools: AnyToolDef[] = [];
