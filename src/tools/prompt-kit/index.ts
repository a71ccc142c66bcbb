import type { AnyToolDef } from '../define.js';

export const promptKitTools: AnyToolDef[] = [];
