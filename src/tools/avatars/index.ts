import type { AnyToolDef } from '../define.js';
import createDigitalTwin from './create-digital-twin.js';
import createPhotoAvatar from './create-photo-avatar.js';
import createPromptAvatar from './create-prompt-avatar.js';
import deleteAvatarGroup from './delete-avatar-group.js';
import deleteAvatarLook from './delete-avatar-look.js';
import startAvatarConsent from './start-avatar-consent.js';
import updateAvatarLook from './update-avatar-look.js';

export const avatarsTools: AnyToolDef[] = [
  // Writes
  createPhotoAvatar, createPromptAvatar, createDigitalTwin, startAvatarConsent, updateAvatarLook, deleteAvatarGroup, deleteAvatarLook,
];
