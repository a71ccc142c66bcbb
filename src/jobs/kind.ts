import type { HeyGenClient } from '../heygen/client.js';
import type { CallOptions } from '../heygen/http.js';

// The shape of a job kind, apart from the table of kinds (kinds.ts), so that the modules
// defining kinds depend on this and the table on them, never in a circle.

/** Every job kind of the design, in the order tools list them. A contract: names never change. */
export const JOB_KINDS = [
  'video', 'video_agent_session', 'video_translation', 'proofread', 'lipsync', 'avatar_group', 'voice_clone',
  'background_removal', 'ai_clipping', 'video_batch', 'lipsync_batch', 'video_translation_batch', 'asset_batch',
] as const;
export type JobKindName = (typeof JOB_KINDS)[number];

/** Where a job stands, normalised across HeyGen's per-resource status vocabularies. */
export interface JobStatus {
  /** HeyGen's own status string, unchanged. */
  status: string;
  /** Finished successfully: the result fields are final. */
  done: boolean;
  failed: boolean;
  /** Paused until a person answers (a chat-mode agent session): polling cannot move it on. */
  needs_input?: boolean;
  /** 0–100 when HeyGen reports it. */
  progress?: number;
  failure_code?: string;
  failure_message?: string;
  /** Unix seconds; lets waiting pick a poll interval that suits the job's age. */
  created_at?: number;
  /** What the next step needs: ids, URLs, duration, the agent's question, … */
  result: Record<string, string | number | boolean | undefined>;
}

export interface JobKind {
  kind: JobKindName;
  /** Reads the job once. */
  fetch(heygen: HeyGenClient, id: string, call: CallOptions): Promise<JobStatus>;
  /** The status resource of a job of this kind. */
  resourceUri(id: string): string;
  /** The read tool that shows one job, for messages. */
  getTool: string;
}


/** The failure fields of a JobStatus: HeyGen's code and message, or ours when it gave none. */
export function failedWith(code: string, message: string | undefined, fallback: string): Pick<JobStatus, 'failed' | 'failure_code' | 'failure_message'> {
  return { failed: true, failure_code: code, failure_message: message ?? fallback };
}
