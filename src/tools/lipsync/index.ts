import type { AnyToolDef } from '../define.js';
import createLipsync from './create-lipsync.js';
import deleteLipsync from './delete-lipsync.js';
import getLipsync from './get-lipsync.js';
import listLipsyncs from './list-lipsyncs.js';
import renameLipsync from './rename-lipsync.js';

export const lipsyncTools: AnyToolDef[] = [createLipsync, getLipsync, listLipsyncs, renameLipsync, deleteLipsync];
