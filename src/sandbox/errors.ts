/** An error that the simulator turns into a v3 error envelope. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly param?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const badParam = (param: string, message: string): ApiError =>
  new ApiError(400, 'invalid_parameter', message, param);

export const notFound = (code: string, what: string, id: string): ApiError =>
  new ApiError(404, code, `${what} '${id}' was not found`);

/** Error code the simulator uses for a bare HTTP status. */
export function codeForStatus(status: number): string {
  if (status >= 500) return 'internal_error';
  switch (status) {
    case 400: return 'invalid_parameter';
    case 401: return 'invalid_credentials';
    case 402: return 'insufficient_credit';
    case 403: return 'forbidden';
    case 404: return 'not_found';
    case 405: return 'method_not_allowed';
    case 409: return 'conflict';
    case 413: return 'payload_too_large';
    case 429: return 'rate_limit_exceeded';
    default: return 'bad_request';
  }
}
