import type { Socket } from 'node:net';
import { findUnsafeText, UNSAFE_TEXT_MESSAGE } from '@switchboard/contracts';
import { AppError, ERROR_CATALOGUE, type ErrorCode } from '@switchboard/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifySchemaCompiler } from 'fastify';
import { hasZodFastifySchemaValidationErrors, validatorCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The one shape of every error answer: Fastify's, plus a code from the catalogue (docs/errors.md). */
export const errorBody = (code: ErrorCode, message?: string, details?: unknown) => {
  const { status } = ERROR_CATALOGUE[code];
  return {
    statusCode: status,
    code,
    error: STATUS_TEXT[status] ?? 'Error',
    message: message ?? ERROR_CATALOGUE[code].message,
    ...(details === undefined ? {} : { details }),
  };
};

export const sendError = (reply: FastifyReply, code: ErrorCode, message?: string, details?: unknown) =>
  reply.code(ERROR_CATALOGUE[code].status).send(errorBody(code, message, details));

/** What a 4xx that came from outside our code (a plugin, the router) means in our catalogue. */
const CODE_BY_STATUS: Record<number, ErrorCode> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  408: 'REQUEST_TIMEOUT',
  413: 'BODY_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  431: 'HEADERS_TOO_LARGE',
};
const codeForStatus = (status: number): ErrorCode => CODE_BY_STATUS[status] ?? 'VALIDATION_FAILED';

/**
 * The route's zod validation, after the text rule of the contracts: a NUL or a lone surrogate
 * anywhere in a body, path or query is a 400 naming the field, before it can reach the database.
 */
export const textSafeValidatorCompiler: FastifySchemaCompiler<z.ZodType> = (route) => {
  const validate = validatorCompiler(route);
  return (data) => {
    const field = findUnsafeText(data, route.httpPart ?? 'request');
    if (field) {
      const error = new Error(`Invalid request: ${field}: ${UNSAFE_TEXT_MESSAGE}`);
      return {
        error: Object.assign(error, { details: { issues: [{ field, message: UNSAFE_TEXT_MESSAGE }] } }),
      };
    }
    return validate(data);
  };
};

/**
 * Errors of Node's HTTP parser (a malformed request line, headers too large, a timeout) happen
 * before Fastify has a request: they are answered on the socket, in the same shape as the rest.
 */
export const clientErrorHandler = (err: NodeJS.ErrnoException, socket: Socket) => {
  if (err.code === 'ECONNRESET' || socket.destroyed) {
    return;
  }
  const code: ErrorCode =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? 'HEADERS_TOO_LARGE'
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? 'REQUEST_TIMEOUT'
        : 'VALIDATION_FAILED';
  const { status } = ERROR_CATALOGUE[code];
  const body = JSON.stringify(
    errorBody(code, code === 'VALIDATION_FAILED' ? 'The request is malformed' : undefined),
  );
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
  );
};

/** Fastify's router errors (a URL that does not decode, a path parameter past its length). */
export const frameworkErrors = (err: FastifyError, _request: unknown, reply: FastifyReply) =>
  sendError(
    reply,
    err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'URI_TOO_LONG' : 'VALIDATION_FAILED',
    err.message,
  );

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
      const retryAfter = (err.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
      if (typeof retryAfter === 'number') {
        reply.header('retry-after', String(retryAfter));
      }
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
      const details = (err as { details?: unknown }).details;
      return sendError(reply, mapped, mapped === 'RATE_LIMITED' ? undefined : err.message, details);
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      // e.g. a malformed JSON body (SyntaxError) gets 400 with the parser's message.
      return sendError(reply, codeForStatus(err.statusCode), err.message);
    }
    request.log.error({ err }, 'unhandled error');
    return sendError(reply, 'INTERNAL');
  });
};
