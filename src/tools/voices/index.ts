import type { AnyToolDef } from '../define.js';
import cloneVoice from './clone-voice.js';
import createSpeech from './create-speech.js';
import deleteVoice from './delete-voice.js';
import designVoice from './design-voice.js';
import getVoice from './get-voice.js';
import listVoices from './list-voices.js';

export const voicesTools: AnyToolDef[] = [
  // Reads: choosing a voice.
  listVoices,
  getVoice,
  // Writes and speech.
  designVoice,
  cloneVoice,
  deleteVoice,
  createSpeech,
];
