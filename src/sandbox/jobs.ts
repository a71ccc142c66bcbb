import { randomBytes } from 'node:crypto';
import type { GroupRec, LookRec, VoiceRec } from './catalog.js';

/** Simulated durations, in simulated seconds. */
export const DURATIONS = {
  video: { pending: 10, processing: 80 },             // avatar video ~90 s
  agent: { thinking: 60, generating: 300 },           // video agent ~6 min
  agentChatThinking: 30,                              // chat mode first answer
  agentRevision: { thinking: 20, generating: 240 },   // after `send`
  translation: { pending: 20, running: 220 },         // ~4 min
  proofread: 120,
  lipsync: { pending: 15, running: 105 },
  avatarTraining: { prompt: 120, photo: 150, digital_twin: 300 },
  voiceClone: 60,
  assetProcessing: 5,
  backgroundRemoval: { pending: 10, processing: 50 },
  clipping: { pending: 15, running: 165 },
} as const;

export type Outcome = 'completed' | 'failed';

export const newId = (bytes = 16): string => randomBytes(bytes).toString('hex');

export interface VideoJob {
  id: string;
  title: string | null;
  startMs: number;                 // when the render clock starts
  phases: [string, number][];      // status, length in simulated seconds
  orientation: 'landscape' | 'portrait';
  format: 'mp4' | 'webm';
  folderId: string | null;
  captions: boolean;
  gif: boolean;
  durationSec: number;
  outputLanguage: string | null;
  sessionId?: string;
  callbackId?: string | null;
  createdAt: number;               // epoch seconds
}

export interface AgentRun { startMs: number; thinking: number; generating: number; message: string; videoId: string | null; runId: string }
export interface AgentSession {
  id: string;
  mode: 'generate' | 'chat';
  prompt: string;
  title: string;
  createdAt: number;
  runs: AgentRun[];
  stoppedMs: number | null;
  orientation: 'landscape' | 'portrait';
}

export interface TranslationJob {
  id: string; title: string | null; startMs: number; createdAt: number; outputLanguage: string; inputLanguage: string;
  audioOnly: boolean; captions: boolean; callbackId: string | null; phases: [string, number][];
}
export interface ProofreadJob {
  id: string; title: string; createdMs: number; createdAt: number; outputLanguage: string; inputLanguage: string;
  srtReplacedMs: number | null; generatedTranslationId: string | null;
}
export interface LipsyncJob { id: string; title: string | null; startMs: number; createdAt: number; captions: boolean; callbackId: string | null }
export interface AssetRec {
  id: string; name: string; mime: string; size: number; createdAt: number;
  status: 'pending_upload' | 'uploaded' | 'processing' | 'completed';
  completedMs: number | null; checksum: string | null; maxBytes: number; uploadToken: string;
  uploadedBytes: number; uploadedSha256: string | null;
}
export interface WebhookEndpoint { endpoint_id: string; url: string; events: string[] | null; secret: string; status: string; created_at: string; entity_id: string | null }
export interface WebhookEvent { event_id: string; event_type: string; event_data: Record<string, unknown>; created_at: string; entityId: string }

export interface BackgroundRemovalJob { id: string; title: string | null; layers: string[]; requestId: string | null; startMs: number; createdAt: number; deleted: boolean }
export interface ClippingJobRec {
  id: string; title: string | null; startMs: number; createdAt: number; inputLanguage: string | null; callbackId: string | null;
  settings: { aspect_ratio: string; captions: boolean; caption_style: string | null; duration_types: string[]; prompt: string | null };
}
export interface BatchRec { id: string; kind: 'video' | 'lipsync' | 'video_translation' | 'asset'; title: string | null; createdAt: number; ids: string[]; completedMs: number | null }

/** Private avatar training state. */
export interface Training { createdMs: number; needsConsent: boolean; consentMs: number | null; seconds: number }

export interface KeyState {
  key: string;
  balanceUsd: number;
  spentUsd: number;
  lowCredit: boolean;
  videos: Map<string, VideoJob>;
  sessions: Map<string, AgentSession>;
  translations: Map<string, TranslationJob>;
  proofreads: Map<string, ProofreadJob>;
  lipsyncs: Map<string, LipsyncJob>;
  assets: Map<string, AssetRec>;
  webhooks: Map<string, WebhookEndpoint>;
  events: WebhookEvent[];
  groups: Map<string, GroupRec>;
  looks: Map<string, LookRec>;
  voices: Map<string, VoiceRec>;
  training: Map<string, Training>; // by group id
  deletedVoices: Set<string>;
  backgroundRemovals: Map<string, BackgroundRemovalJob>;
  clippings: Map<string, ClippingJobRec>;
  batches: Map<string, BatchRec>;
}

export interface PhaseState { status: string; elapsed: number; total: number; fraction: number; done: boolean }

/** Where a job is on its phase list at simulated elapsed time `elapsed`. */
export function phaseAt(phases: [string, number][], elapsed: number, final: string): PhaseState {
  const total = phases.reduce((s, [, d]) => s + d, 0);
  let t = 0;
  for (const [status, d] of phases) {
    if (elapsed < t + d) return { status, elapsed, total, fraction: Math.max(0, elapsed / total), done: false };
    t += d;
  }
  return { status: final, elapsed, total, fraction: 1, done: true };
}

export const FAILURES: Record<string, [string, string]> = {
  video: ['RENDER_FAILED', 'The video could not be rendered. Try again or contact support.'],
  translation: ['TRANSLATION_FAILED', 'The source audio could not be transcribed.'],
  lipsync: ['LIPSYNC_FAILED', 'No face could be tracked in the source video.'],
  avatar: ['TRAINING_FAILED', 'Training footage did not pass quality checks.'],
  voice: ['CLONE_FAILED', 'The audio sample was too noisy to clone.'],
  background_removal: ['SEGMENTATION_FAILED', 'No subject could be separated from the background.'],
  clipping: ['CLIPPING_FAILED', 'The source video has no speech to cut clips from.'],
};

/** Cost of creating each kind of job, in USD of wallet balance. */
export const COSTS: Record<string, number> = {
  video: 1.0, agent: 2.0, agent_send: 1.0, template: 1.0, translation: 1.5, proofread: 0.5, proofread_generate: 1.0,
  lipsync: 1.0, avatar: 1.0, voice_clone: 1.0, speech: 0.05, background_removal: 0.5, clipping: 1.0,
};
