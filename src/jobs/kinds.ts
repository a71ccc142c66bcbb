import type { JobKind, JobKindName, JobStatus } from './kind.js';
import { assetBatchKind, lipsyncBatchKind, translationBatchKind, videoBatchKind } from './batch-kinds.js';
import { avatarGroupKind, voiceCloneKind } from './catalog-kinds.js';
import { lipsyncKind } from './lipsync-kinds.js';
import { backgroundRemovalKind, clippingKind } from './studio-kinds.js';
import { proofreadKind, translationKind } from './translation-kinds.js';
import { sessionKind, videoKind } from './video-kinds.js';

/**
 * The table the waiting tool and the status resources read. Adding a kind is one entry here
 * (its fetch can live in its own module).
 */
export const KINDS: Partial<Record<JobKindName, JobKind>> = {
  video: videoKind,
  video_agent_session: sessionKind,
  video_translation: translationKind,
  proofread: proofreadKind,
  lipsync: lipsyncKind,
  avatar_group: avatarGroupKind,
  voice_clone: voiceCloneKind,
  background_removal: backgroundRemovalKind,
  ai_clipping: clippingKind,
  video_batch: videoBatchKind,
  lipsync_batch: lipsyncBatchKind,
  video_translation_batch: translationBatchKind,
  asset_batch: assetBatchKind,
};

export function jobKind(kind: string): JobKind | undefined {
  return Object.hasOwn(KINDS, kind) ? KINDS[kind as JobKindName] : undefined;
}

/** Terminal or waiting-on-a-person: polling again will not change anything by itself. */
export function isSettled(s: JobStatus): boolean {
  return s.done || s.failed || s.needs_input === true;
}
