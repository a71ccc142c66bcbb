import type { AnyToolDef } from '../define.js';
import createAiClipping from './create-ai-clipping.js';
import createBackgroundRemoval from './create-background-removal.js';
import deleteAiClipping from './delete-ai-clipping.js';
import deleteBackgroundRemoval from './delete-background-removal.js';
import getAiClipping from './get-ai-clipping.js';
import getBackgroundRemoval from './get-background-removal.js';
import listAiClippings from './list-ai-clippings.js';
import listBackgroundRemovals from './list-background-removals.js';
import listBrandGlossaries from './list-brand-glossaries.js';
import listBrandKits from './list-brand-kits.js';
import searchSounds from './search-sounds.js';

export const studioExtrasTools: AnyToolDef[] = [
  createBackgroundRemoval, getBackgroundRemoval, listBackgroundRemovals, deleteBackgroundRemoval,
  createAiClipping, getAiClipping, listAiClippings, deleteAiClipping,
  listBrandKits, listBrandGlossaries, searchSounds,
];
