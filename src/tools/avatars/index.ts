import type { AnyToolDef } from '../define.js';
import createDigitalTwin from './create-digital-twin.js';
import createPhotoAvatar from './create-photo-avatar.js';
import createPromptAvatar from './create-prompt-avatar.js';
import deleteAvatarGroup from './delete-avatar-group.js';
import deleteAvatarLook from './delete-avatar-look.js';
import startAvatarConsent from './start-avatar-consent.js';
import updateAvatarLook from './update-avatar-look.js';
import getAvatarGroup from './get-avatar-group.js';
import getAvatarLook from './get-avatar-look.js';
import listAvatarGroups from './list-avatar-groups.js';
import listAvatarLooks from './list-avatar-looks.js';

export const avatarsTools: AnyToolDef[] = [
  // Reads: choosing an avatar.
  listAvatarGroups,
  getAvatarGroup,
  listAvatarLooks,
  getAvatarLook,
  // Writes: making and managing your own avatars.
  createPhotoAvatar,
  createPromptAvatar,
  createDigitalTwin,
  startAvatarConsent,
  updateAvatarLook,
  deleteAvatarGroup,
  deleteAvatarLook,
];
