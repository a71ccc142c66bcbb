import type { AnyToolDef } from '../define.js';

export const avatarsTools: AnyToolDef[] = [];
