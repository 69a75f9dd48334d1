import { SENDABLE_FILE_MAX_BYTES, SENDABLE_FILE_TYPES } from '@switchboard/contracts';
import { AppError, attachmentDisposition } from '@switchboard/core';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** What `filename=` may hold as it is: printable ASCII but the quote and the backslash. */
const asciiName = (name: string): string => name.replace(/[^\x20-\x7e]|["\\]/g, '_');

/** RFC 5987's `filename*`: every byte outside the attribute characters percent-encoded. */
const encodedName = (name: string): string =>
  encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * A customer's file to a desktop: a raster picture inline, anything else as a download under its
 * (masked) name, never as a page of ours: its type is checked (core's attachmentDisposition), the
 * browser may not sniff another, and a sandboxing Content-Security-Policy runs no script in it even
 * when opened on its own. A file that is not there (not kept, not this conversation's) is the
 * route's `notFound`.
 */
export const sendAttachment = (
  reply: FastifyReply,
  file: { contentType: string | null; name: string | null; kind: string; content: Uint8Array } | null,
  /** What a missing file is answered with: ATTACHMENT_NOT_FOUND unless the route says otherwise. */
  notFound: () => AppError = () => new AppError('ATTACHMENT_NOT_FOUND'),
) => {
  if (!file) {
    throw notFound();
  }
  const { contentType, inline } = attachmentDisposition(file.contentType);
  const name = (file.name ?? file.kind).replace(/[\r\n]/g, ' ').slice(0, 200) || file.kind;
  return reply
    .header('content-type', contentType)
    .header(
      'content-disposition',
      `${inline ? 'inline' : 'attachment'}; filename="${asciiName(name)}"; filename*=UTF-8''${encodedName(name)}`,
    )
    .header('content-length', String(file.content.byteLength))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; img-src 'self'; media-src 'self'; sandbox")
    .header('cache-control', 'private, max-age=3600')
    .send(Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength));
};

/**
 * Lets the routes of `scope` take a file as their body, as bytes under the file's own type (a
 * picture, a PDF, plain text; at most SENDABLE_FILE_MAX_BYTES): a scope of its own, so that no
 * other route reads these types. Any other type is 415 UNSUPPORTED_MEDIA_TYPE.
 */
export const acceptFileBodies = (scope: Pick<FastifyInstance, 'addContentTypeParser'>) => {
  scope.addContentTypeParser(
    SENDABLE_FILE_TYPES as string[],
    { parseAs: 'buffer', bodyLimit: SENDABLE_FILE_MAX_BYTES },
    (_request, body, done) => done(null, body),
  );
};
