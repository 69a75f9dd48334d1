import type { ErrorCode } from '@switchboard/core';

/** Codes the client gives to failures that never reached the server's error mapper. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'UNEXPECTED_RESPONSE';

export type ApiErrorCode = ErrorCode | ClientErrorCode | (string & {});

/** A failed API call: the server's `{statusCode, code, message}` body, or a client-side code. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly details: unknown;

  constructor({
    status,
    code,
    message,
    details,
    cause,
  }: {
    status: number;
    code: ApiErrorCode;
    message: string;
    details?: unknown;
    cause?: unknown;
  }) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export const isApiError = (value: unknown, code?: ApiErrorCode): value is ApiError =>
  value instanceof ApiError && (code === undefined || value.code === code);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** A proxy or the rate limiter may answer without our body: still give the agent a sentence. */
const codeForBareStatus = (status: number): ApiErrorCode => {
  if (status === 429) {
    return 'RATE_LIMITED';
  }
  if (status === 502 || status === 503 || status === 504) {
    return 'UNAVAILABLE';
  }
  return status >= 500 ? 'INTERNAL' : 'UNEXPECTED_RESPONSE';
};

/** Turns an error answer into an ApiError, whatever shape the body has. */
export const toApiError = (status: number, body: unknown): ApiError => {
  if (isRecord(body) && typeof body.code === 'string' && typeof body.message === 'string') {
    return new ApiError({ status, code: body.code, message: body.message, details: body.details });
  }
  const message = isRecord(body) && typeof body.message === 'string' ? body.message : `HTTP ${status}`;
  return new ApiError({ status, code: codeForBareStatus(status), message });
};
