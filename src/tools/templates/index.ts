import type { AnyToolDef } from '../define.js';
import createVideoFromTemplate from './create-video-from-template.js';
import getTemplate from './get-template.js';
import listTemplates from './list-templates.js';

export const templatesTools: AnyToolDef[] = [listTemplates, getTemplate, createVideoFromTemplate];
