import { MalformedDeliveryError, providerAdapter, type RawRequest } from '@switchboard/channels';
import { ZId } from '@switchboard/contracts';
import { AppError, type ProviderChannel } from '@switchboard/core';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Counter } from 'prom-client';
import type { AppContext } from '../../app/context';
import type { ProviderConfigs, ProviderEntryPoint } from '../../app/provider-configs';
import type { WebhookIntake } from '../../app/webhook-intake';

/** Meta's deliveries are small (a few KB); Twilio's forms too. Far above them, far below harm. */
export const WEBHOOK_BODY_LIMIT = 1024 * 1024;

const TWIML_EMPTY = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

/**
 * The providers' webhooks: thin. Find the entry point, check the signature on the raw bytes,
 * parse with the channel's adapter, store each event (core), then answer 200. Nothing is parsed
 * or stored before the signature holds.
 */
export const webhookRoutes =
  ({
    ctx,
    configs,
    intake,
    rejected,
  }: {
    ctx: AppContext;
    configs: ProviderConfigs;
    intake: WebhookIntake;
    rejected: Counter<'channel' | 'reason'>;
  }): FastifyPluginAsync =>
  async (app) => {
    // The raw bytes, whatever the content type: signatures are over them, and the adapter parses.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT }, (_req, body, done) =>
      done(null, body),
    );

    const entryPointFor = async (channel: ProviderChannel, id: string): Promise<ProviderEntryPoint> => {
      const entry = ZId.safeParse(id).success ? await configs.get(id) : null;
      if (!entry || entry.deleted || entry.channel !== channel) {
        throw new AppError('ENTRY_POINT_NOT_FOUND');
      }
      return entry;
    };

    const rawOf = (request: FastifyRequest): RawRequest => ({
      rawBody: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
      headers: request.headers,
      // Twilio signs the URL it called: the public one, whatever this process sees behind a proxy.
      publicUrl: `${ctx.config.publicUrl.replace(/\/+$/, '')}${request.url}`,
    });

    const accept = async (channel: ProviderChannel, request: FastifyRequest<{ Params: { id: string } }>) => {
      const entry = await entryPointFor(channel, request.params.id);
      const adapter = providerAdapter(channel);
      const raw = rawOf(request);
      if (!adapter.verify(raw, entry.config as never)) {
        rejected.inc({ channel, reason: 'signature' });
        throw new AppError('WEBHOOK_SIGNATURE_INVALID');
      }
      let events: ReturnType<typeof adapter.parse>;
      try {
        events = adapter.parse(raw, entry.config as never);
      } catch (err) {
        if (err instanceof MalformedDeliveryError) {
          rejected.inc({ channel, reason: 'malformed' });
          throw new AppError(
            'WEBHOOK_MALFORMED',
            `The delivery is not in the provider’s format: ${err.message}`,
          );
        }
        throw err;
      }
      return intake.take(entry.id, events);
    };

    for (const channel of ['whatsapp', 'messenger'] as const) {
      app.get<{ Params: { id: string }; Querystring: Record<string, unknown> }>(
        `/webhooks/${channel}/:id`,
        { schema: { hide: true } },
        async (request, reply) => {
          const entry = await entryPointFor(channel, request.params.id);
          const challenge =
            providerAdapter(channel).answerChallenge?.(request.query, entry.config as never) ?? null;
          if (challenge === null) {
            throw new AppError('WEBHOOK_VERIFY_TOKEN_WRONG');
          }
          return reply.type('text/plain').send(challenge);
        },
      );
      app.post<{ Params: { id: string } }>(
        `/webhooks/${channel}/:id`,
        { schema: { hide: true } },
        async (request, reply) => {
          await accept(channel, request);
          return reply.type('text/plain').send('EVENT_RECEIVED');
        },
      );
    }

    const twilio = async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
      await accept('sms', request);
      return reply.type('text/xml').send(TWIML_EMPTY);
    };
    app.post<{ Params: { id: string } }>('/webhooks/sms/:id', { schema: { hide: true } }, twilio);
    app.post<{ Params: { id: string } }>('/webhooks/sms/:id/status', { schema: { hide: true } }, twilio);
  };
