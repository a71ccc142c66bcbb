import type { AnyToolDef } from '../define.js';
import getAccount from './get-account.js';

export const accountTools: AnyToolDef[] = [getAccount];
