import type { AnyToolDef } from '../define.js';
import createTranslationProofread from './create-translation-proofread.js';
import createVideoTranslation from './create-video-translation.js';
import deleteVideoTranslation from './delete-video-translation.js';
import generateFromProofread from './generate-from-proofread.js';
import getProofreadSubtitles from './get-proofread-subtitles.js';
import getTranslationProofread from './get-translation-proofread.js';
import getVideoTranslation from './get-video-translation.js';
import listTranslationLanguages from './list-translation-languages.js';
import listVideoTranslations from './list-video-translations.js';
import renameVideoTranslation from './rename-video-translation.js';
import updateProofreadSubtitles from './update-proofread-subtitles.js';

export const translationTools: AnyToolDef[] = [
  listTranslationLanguages,
  createVideoTranslation,
  getVideoTranslation,
  listVideoTranslations,
  renameVideoTranslation,
  deleteVideoTranslation,
  createTranslationProofread,
  getTranslationProofread,
  getProofreadSubtitles,
  updateProofreadSubtitles,
  generateFromProofread,
];
