/**
 * The one error type of the HeyGen client. Everything that goes wrong talking to HeyGen —
 * an error envelope, a gateway page, a reset socket, a timeout — becomes a HeyGenError with a
 * machine-readable `code`. Turning it into words for an agent happens elsewhere, once.
 */
export interface HeyGenErrorInit {
  code: string;
  message: string;
  status?: number | undefined;
  param?: string | undefined;
  requestId?: string | undefined;
  /** Retry-After as HeyGen sent it, in milliseconds. */
  retryAfterMs?: number | undefined;
  method?: string | undefined;
  path?: string | undefined;
  /** True when the request may have reached HeyGen and been acted on (a write that failed late). */
  ambiguous?: boolean;
  cause?: unknown;
}

export class HeyGenError extends Error {
  override readonly name = 'HeyGenError';
  readonly code: string;
  readonly status: number | undefined;
  readonly param: string | undefined;
  readonly requestId: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly method: string | undefined;
  readonly path: string | undefined;
  readonly ambiguous: boolean;

  constructor(init: HeyGenErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.status = init.status;
    this.param = init.param;
    this.requestId = init.requestId;
    this.retryAfterMs = init.retryAfterMs;
    this.method = init.method;
    this.path = init.path;
    this.ambiguous = init.ambiguous ?? false;
  }

  /** HeyGen says the object does not exist: a 404, or one of its `…_not_found` codes (sent with 400 too). */
  get notFound(): boolean {
    return this.status === 404 || this.code.endsWith('not_found');
  }
}

/** The code HeyGen's CLI derives from a status when the body is not a v3 error envelope. */
export function fallbackCode(status: number): string {
  switch (status) {
    case 400: return 'validation_error';
    case 401: return 'unauthorized';
    case 402: return 'insufficient_credit';
    case 403: return 'forbidden';
    case 404: return 'not_found';
    case 409: return 'conflict';
    case 413: return 'payload_too_large';
    case 429: return 'rate_limit_exceeded';
    default: return status >= 500 ? 'unclassified_server_error' : 'unclassified_client_error';
  }
}

export function isHeyGenError(e: unknown): e is HeyGenError {
  return e instanceof HeyGenError;
}
