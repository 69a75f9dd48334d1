import { AppError } from '@switchboard/core';
import { readSentAttachment } from '@switchboard/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import type { MediaLinks } from '../../app/media-links';
import { sendAttachment } from '../attachment-reply';
import { errorResponses } from '../error-responses';

const ZMediaLinkParams = z.object({
  attachmentId: z.string().uuid(),
  expires: z.coerce.number().int().positive(),
  signature: z.string().regex(/^[\w-]{43}$/),
  name: z.string().max(1024),
});

/**
 * The files agents send, for the providers to fetch (WhatsApp, Twilio and Messenger take a URL,
 * not the bytes): no session, a signed link that expires (app/media-links.ts). A link that is not
 * ours, has expired, or names a customer's file is answered as if nothing were there.
 */
export const mediaRoutes =
  ({ ctx, links }: { ctx: AppContext; links: MediaLinks }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/media/:attachmentId/:expires/:signature/:name',
      {
        config: { rateLimit: { max: 600, timeWindow: '1 minute' } },
        schema: {
          tags: ['media'],
          description:
            'A file an agent sent, as the provider fetches it through the signed link the send named (valid a day).',
          params: ZMediaLinkParams,
          response: errorResponses(400, 404, 429),
        },
      },
      async (request, reply) => {
        const { attachmentId, expires, signature } = request.params;
        const file = links.isValid({ attachmentId, expires, signature })
          ? await readSentAttachment(ctx.store.database.db, attachmentId)
          : null;
        return sendAttachment(
          reply,
          file,
          () => new AppError('NOT_FOUND', 'No such file, or the link has expired'),
        );
      },
    );
  };
