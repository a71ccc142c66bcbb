/**
 * When to try a HeyGen request again, and how long to wait first. Mirrors HeyGen's own CLI:
 * 429 is retried for every method (HeyGen refused without doing anything); 5xx and transport
 * failures only for idempotent methods, because a POST that failed late may already have
 * created a job and charged for it. Timeouts are never retried.
 */
export const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
const RETRIABLE_5XX = new Set([500, 502, 503, 504]);
export const BASE_DELAY_MS = 1_000;
export const MAX_DELAY_MS = 30_000;

export type Outcome =
  | { kind: 'status'; status: number; retryAfterMs?: number | undefined }
  | { kind: 'network' }
  | { kind: 'timeout' };

export function shouldRetry(method: string, outcome: Outcome, replayable: boolean): boolean {
  if (!replayable) return false;
  if (outcome.kind === 'timeout') return false;
  if (outcome.kind === 'network') return IDEMPOTENT_METHODS.has(method);
  if (outcome.status === 429) return true;
  return RETRIABLE_5XX.has(outcome.status) && IDEMPOTENT_METHODS.has(method);
}

/** Parses Retry-After (delta seconds or an HTTP date) into milliseconds, or undefined. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/**
 * Delay before retry number `attempt` (0 for the first retry): 1 s × 2^attempt with ±25 % jitter,
 * capped at 30 s; a longer Retry-After replaces it, clamped to the same cap. (A Retry-After over
 * the cap is not waited for at all: the client fails at once and reports it.)
 */
export function retryDelayMs(attempt: number, retryAfterMs?: number, random: () => number = Math.random): number {
  const jitter = 0.75 + random() * 0.5;
  const computed = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt * jitter);
  if (retryAfterMs !== undefined && retryAfterMs > computed) return Math.min(MAX_DELAY_MS, retryAfterMs);
  return Math.round(computed);
}
