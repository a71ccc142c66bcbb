import type { AnyToolDef } from '../define.js';

export const lipsyncTools: AnyToolDef[] = [];
