import type { AnyToolDef } from '../define.js';

export const assetsTools: AnyToolDef[] = [];
