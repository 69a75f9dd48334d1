import { AppError, ERROR_CATALOGUE, type ErrorCode } from '@switchboard/core';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export const sendError = (reply: FastifyReply, code: ErrorCode, message?: string, details?: unknown) => {
  const { status } = ERROR_CATALOGUE[code];
  return reply.code(status).send({
    statusCode: status,
    code,
    error: STATUS_TEXT[status] ?? 'Error',
    message: message ?? ERROR_CATALOGUE[code].message,
    ...(details === undefined ? {} : { details }),
  });
};

// Fastify's own codes for what the client sent wrong, each mapped to one of ours.
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
  FST_ERR_RATE_LIMIT: 'RATE_LIMITED',
};

/** The one place where errors become HTTP answers: AppError codes through the catalogue. */
export const registerErrorHandler = (app: FastifyInstance) => {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      return sendError(reply, err.code, err.message, err.details);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        field: [err.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
        message: v.message,
      }));
      const summary = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
      return sendError(reply, 'VALIDATION_FAILED', `Invalid request: ${summary}`, { issues });
    }
    const mapped = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (mapped) {
      return sendError(reply, mapped, mapped === 'RATE_LIMITED' ? undefined : err.message);
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      // e.g. a malformed JSON body (SyntaxError) gets 400 with the parser's message.
      return reply.code(err.statusCode).send({
        statusCode: err.statusCode,
        code:
          err.statusCode === 413
            ? 'BODY_TOO_LARGE'
            : err.statusCode === 429
              ? 'RATE_LIMITED'
              : 'VALIDATION_FAILED',
        error: STATUS_TEXT[err.statusCode] ?? 'Bad Request',
        message: err.message,
      });
    }
    request.log.error({ err }, 'unhandled error');
    return sendError(reply, 'INTERNAL');
  });
};
