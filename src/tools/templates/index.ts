import type { AnyToolDef } from '../define.js';

export const templatesTools: AnyToolDef[] = [];
