import type { AnyToolDef } from '../define.js';

export const translationTools: AnyToolDef[] = [];
