import type { AnyToolDef } from '../define.js';

export const voicesTools: AnyToolDef[] = [];
