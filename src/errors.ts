import { HeyGenError } from './heygen/errors.js';
import { scrub } from './log.js';

/** A problem with a tool's arguments found after zod (a rule across fields, an unknown name). */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

/** Something the tool itself refuses (a path outside the roots, a local-only tool over HTTP). */
export class ToolRefusal extends Error {
  override readonly name = 'ToolRefusal';
}

export interface ErrorHints {
  /** Tool that tells whether an ambiguous create went through, e.g. `list_videos`. */
  recoverWith?: string | undefined;
  /** Tool that lists valid ids for this tool's inputs. */
  idsFrom?: string | undefined;
}

/**
 * The one place that turns a failure into words an agent can act on: the cause, then the next
 * step. Never an upstream body, a stack, HTML or a key.
 */
export function describeError(err: unknown, hints: ErrorHints = {}): string {
  if (err instanceof InputError) return `Invalid ${err.field}: ${err.message}`;
  if (err instanceof ToolRefusal) return scrub(err.message);
  if (err instanceof HeyGenError) return scrub(describeHeyGen(err, hints));
  if (isAbort(err)) return 'Cancelled before HeyGen answered.';
  const msg = err instanceof Error ? err.message : String(err);
  return scrub(`Unexpected error: ${msg.slice(0, 300)}`);
}

function describeHeyGen(e: HeyGenError, hints: ErrorHints): string {
  const rid = e.requestId ? ` (HeyGen request id ${e.requestId})` : '';
  if (e.ambiguous) {
    const check = hints.recoverWith ? `check ${hints.recoverWith}` : 'check the matching list tool';
    return `HeyGen failed while handling the request (${e.code}${e.status ? ` ${e.status}` : ''}), so the job may have been created and charged. Do not resubmit yet: ${check} first.${rid}`;
  }
  switch (e.code) {
    case 'unauthorized':
    case 'invalid_credentials':
      return `HeyGen rejected the API key (401). Set a valid key in HEYGEN_API_KEY (HeyGen app → Settings → API).${rid}`;
    case 'insufficient_credit':
      return `Not enough HeyGen credits for this (insufficient_credit). Check the balance with get_account and top up before retrying.${rid}`;
    case 'quota_exceeded':
      return `HeyGen quota exceeded: ${e.message}. Check get_account; retrying will not help until the quota resets.${rid}`;
    case 'rate_limit_exceeded': {
      const s = e.retryAfterMs !== undefined ? Math.max(1, Math.ceil(e.retryAfterMs / 1000)) : 10;
      return `HeyGen rate limit hit; retry in ${s} s${s >= 120 ? ` (${roughly(s)})` : ''}.${rid}`;
    }
    case 'timeout':
      return `${e.message}. Try again; HeyGen may be slow right now.`;
    case 'network_error':
      // An answer that broke off after its status reached HeyGen fine: the network path works.
      if (e.message.startsWith("HeyGen's answer")) return `${e.message}. Retry in a moment.${rid}`;
      return `${e.message}. Check the network or HEYGEN_API_BASE, then retry.`;
    case 'invalid_response':
      return `${e.message}. Retry in a moment.${rid}`;
    case 'unexpected_redirect':
      return `${e.message}; check HEYGEN_API_BASE.${rid}`;
  }
  if (e.status === 400 || e.code === 'invalid_parameter' || e.code === 'validation_error') {
    return `HeyGen rejected the request${e.param ? ` (field ${e.param})` : ''}: ${e.message}${rid}`;
  }
  if (e.notFound) {
    return `Not found on HeyGen (${e.code}): ${e.message}. Check the id${hints.idsFrom ? ` with ${hints.idsFrom}` : ''}.${rid}`;
  }
  if (e.status === 403) {
    return `HeyGen refused this (${e.code}): ${e.message}. The key is valid but not allowed to do this.${rid}`;
  }
  if (e.status !== undefined && e.status >= 500) {
    return `HeyGen is unavailable (${e.status} ${e.code}) even after retries; try again in a minute.${rid}`;
  }
  return `HeyGen error ${e.status ?? ''} ${e.code}: ${e.message}${rid}`.replace(/\s+/g, ' ');
}

/** 86400 → "about 24 h": a wait an agent can relay to a person. */
function roughly(s: number): string {
  return s >= 5_400 ? `about ${Math.round(s / 3_600)} h` : `about ${Math.round(s / 60)} min`;
}

function isAbort(err: unknown): boolean {
  const name = (err as { name?: string } | undefined)?.name;
  return name === 'AbortError' || (err instanceof DOMException && err.name === 'AbortError');
}
