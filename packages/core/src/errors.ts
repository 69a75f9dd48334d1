/**
 * One catalogue of every domain error. Each transport maps a code once: HTTP through `status`,
 * sockets through the code itself. docs/errors.md documents each code; a test keeps them in step.
 */
export const ERROR_CATALOGUE = {
  VALIDATION_FAILED: { status: 400, message: 'The request is not valid' },
  BODY_TOO_LARGE: { status: 413, message: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'The content type is not supported' },
  UNAUTHENTICATED: { status: 401, message: 'Log in to continue' },
  INVALID_CREDENTIALS: { status: 401, message: 'E-mail or password is wrong' },
  SESSION_EXPIRED: { status: 401, message: 'Your session has expired; log in again' },
  CSRF_FAILED: { status: 403, message: 'The CSRF token is missing or wrong' },
  ORIGIN_FORBIDDEN: { status: 403, message: 'Requests from this origin are not allowed' },
  FORBIDDEN: { status: 403, message: 'You are not allowed to do this' },
  METRICS_FORBIDDEN: {
    status: 403,
    message: 'Metrics are served with METRICS_TOKEN, or without it only to a request from this host',
  },
  NOT_A_PARTICIPANT: { status: 403, message: 'You do not take part in this conversation' },
  NOT_FOUND: { status: 404, message: 'Not found' },
  CONVERSATION_NOT_FOUND: { status: 404, message: 'The conversation does not exist' },
  OFFER_NOT_FOUND: { status: 404, message: 'The offer does not exist' },
  ATTACHMENT_NOT_FOUND: { status: 404, message: 'The file does not exist or has not been fetched yet' },
  ENTRY_POINT_NOT_FOUND: { status: 404, message: 'The entry point does not exist' },
  REASON_NOT_FOUND: { status: 404, message: 'The reason does not exist' },
  QUICK_RESPONSE_NOT_FOUND: { status: 404, message: 'The quick response does not exist' },
  QUEUE_NOT_FOUND: { status: 404, message: 'The queue does not exist' },
  USER_NOT_FOUND: { status: 404, message: 'The user does not exist' },
  TEAM_NOT_FOUND: { status: 404, message: 'The team does not exist' },
  SKILL_NOT_FOUND: { status: 404, message: 'No agent holds this skill and no queue requires it' },
  OFFER_CLOSED: { status: 409, message: 'The offer is no longer open' },
  CONVERSATION_ENDED: { status: 409, message: 'The conversation has ended' },
  CONVERSATION_STILL_OPEN: {
    status: 409,
    message: 'A conversation of this customer has not ended yet; end it first',
  },
  FILE_QUOTA_EXCEEDED: { status: 409, message: 'This chat has reached its limit of files' },
  FILES_NOT_ACCEPTED: { status: 403, message: 'Files are not accepted here' },
  CUSTOMER_LEFT: { status: 409, message: 'The customer has left the chat; you can only end it' },
  NOT_IN_WRAP_UP: { status: 409, message: 'The conversation is not waiting for a wrap-up' },
  ALREADY_ENDED: { status: 409, message: 'You have already ended this conversation' },
  TRANSFER_TO_SELF: { status: 409, message: 'You cannot transfer a conversation to yourself' },
  AGENT_NOT_AVAILABLE: { status: 409, message: 'The agent is not Available' },
  AGENT_OFFLINE: { status: 409, message: 'The agent is offline; they choose their state when they log in' },
  QUEUE_WRONG_CHANNEL: { status: 409, message: 'The queue does not serve this conversation’s channel' },
  NO_AGENT_AVAILABLE: { status: 409, message: 'No agent of the queue is Available with room for it' },
  AGENT_AT_LIMIT: { status: 409, message: 'The agent has no room for another conversation' },
  ALREADY_IN_CONVERSATION: { status: 409, message: 'The agent already takes part in this conversation' },
  REQUEST_PENDING: {
    status: 409,
    message: 'A transfer or conference request for this conversation is already waiting for an answer',
  },
  CONFERENCE_IN_PROGRESS: {
    status: 409,
    message: 'The conversation is in a conference; end or exit the conference first',
  },
  NOT_IN_CONFERENCE: { status: 409, message: 'The conversation is not in a conference' },
  NAME_TAKEN: { status: 409, message: 'The name is already taken' },
  EMAIL_TAKEN: { status: 409, message: 'Another user has this e-mail address' },
  QUEUE_IN_USE: { status: 409, message: 'The queue is in use by an entry point or by conversations' },
  TEAM_IN_USE: { status: 409, message: 'The team is in use by a queue' },
  REASON_IN_USE: { status: 409, message: 'The reason is in use by earlier wrap-ups' },
  SELF_LOCKOUT: {
    status: 409,
    message: 'You cannot deactivate yourself or remove your own administrator role',
  },
  QUICK_RESPONSE_INVALID: { status: 400, message: 'The text of the quick response is not valid' },
  MESSAGE_EMPTY: { status: 400, message: 'The message is empty' },
  MESSAGE_TOO_LONG: { status: 400, message: 'The message is longer than the channel allows' },
  MESSAGE_RESERVED_CHARACTERS: {
    status: 400,
    message: 'The characters < and > are reserved for message templates and cannot be sent',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 409,
    message: 'This clientMessageId was already used for a different message',
  },
  ENTRY_POINT_DELETED: {
    status: 409,
    message: 'The asset of this conversation has been deleted; you can only end it',
  },
  OUTSIDE_MESSAGING_WINDOW: {
    status: 409,
    message: "The customer's messaging window has closed; free text cannot be sent",
  },
  TEMPLATE_NOT_FOUND: { status: 404, message: 'The entry point has no such template' },
  MESSAGE_NOT_RETRYABLE: { status: 409, message: 'Only a message that failed to send can be sent again' },
  WEBHOOK_SIGNATURE_INVALID: { status: 401, message: 'The webhook signature is missing or wrong' },
  WEBHOOK_VERIFY_TOKEN_WRONG: { status: 403, message: 'The verify token is wrong' },
  WEBHOOK_MALFORMED: { status: 400, message: 'The webhook delivery is not in the provider’s format' },
  RATE_LIMITED: { status: 429, message: 'Too many requests; try again later' },
  URI_TOO_LONG: { status: 414, message: 'The address or one of its parts is too long' },
  HEADERS_TOO_LARGE: { status: 431, message: 'The request headers are too large' },
  REQUEST_TIMEOUT: { status: 408, message: 'The request took too long to arrive' },
  INTERNAL: { status: 500, message: 'Something went wrong on the server' },
  UNAVAILABLE: { status: 503, message: 'The service is not ready' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message?: string, details?: unknown) {
    super(message ?? ERROR_CATALOGUE[code].message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_CATALOGUE[this.code].status;
  }
}

export const isAppError = (value: unknown): value is AppError => value instanceof AppError;
