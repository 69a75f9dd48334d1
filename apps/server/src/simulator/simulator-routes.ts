import { createHash, randomUUID } from 'node:crypto';
import type { ProviderConfig } from '@switchboard/channels';
import { AppError } from '@switchboard/core';
import type { Store } from '@switchboard/store';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { ProviderConfigs, ProviderEntryPoint } from '../app/provider-configs';
import { SAMPLE_PHOTO } from './simulator-media';
import { SIMULATOR_PAGE, SIMULATOR_SCRIPT } from './simulator-page';
import {
  createWebhookPoster,
  type SelfAddress,
  type SimulatedLine,
  type SimulatedPhoto,
} from './simulator-provider';

const DELIVERED_AFTER_MS = 300;

const ZSend = z.strictObject({
  entryPointId: z.string().uuid(),
  identity: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[+\w.-]+$/),
  name: z.string().trim().min(1).max(100),
  text: z
    .string()
    .trim()
    .max(1600)
    .refine((s) => !s.includes('\u0000')),
  /** Send the sample photo with the text (which is then its caption, and may be empty). */
  photo: z.boolean().optional(),
});

/** Photos sent, by media id, and whose token may read them (Meta's, for WhatsApp): at most this many kept. */
const MAX_PHOTOS = 500;

/**
 * The provider simulator (/simulator): a page where anyone plays a WhatsApp, SMS or Messenger
 * customer of the seeded simulator entry points, and the providers' send APIs those entry points
 * point at. Customer messages become real signed webhooks to this process; the agent's replies
 * arrive here as the providers would receive them and are answered with delivery and read
 * receipts. It serves simulated entry points only, never one with real credentials.
 */
export const simulatorRoutes = ({
  store,
  configs,
  self,
  logger,
}: {
  store: Store;
  configs: ProviderConfigs;
  self: SelfAddress;
  logger: Logger;
}): FastifyPluginAsync & { stop: () => void } => {
  const threads = new Map<string, SimulatedLine[]>();
  /** The name each simulated customer gave, by entry point and identity: Messenger's profile API answers with it. */
  const names = new Map<string, string>();
  const timers = new Set<NodeJS.Timeout>();
  const poster = createWebhookPoster(self);
  /** Each photo sent, by media id: the entry point it went to (its credentials read it). */
  const photos = new Map<string, string>();
  const newPhoto = (entry: ProviderEntryPoint, messageSid: string): SimulatedPhoto => {
    if (photos.size >= MAX_PHOTOS) {
      photos.delete(photos.keys().next().value as string);
    }
    const mediaId = entry.channel === 'sms' ? `ME${randomUUID().replace(/-/g, '')}` : randomUUID();
    photos.set(mediaId, entry.id);
    const base = self.publicBase.replace(/\/+$/, '');
    return {
      mediaId,
      url:
        entry.config.channel === 'sms'
          ? `${base}/simulator/api/sms/2010-04-01/Accounts/${entry.config.accountSid}/Messages/${messageSid}/Media/${mediaId}`
          : `${base}/simulator/media/${mediaId}`,
      contentType: 'image/png',
      sha256: createHash('sha256').update(SAMPLE_PHOTO).digest('hex'),
    };
  };
  /** The photo's entry point, if `mediaId` is a photo sent there. */
  const photoOf = async (mediaId: string) => {
    const entryId = photos.get(mediaId);
    return entryId ? (await simulated()).find((e) => e.id === entryId) : undefined;
  };
  const sendPhoto = (reply: FastifyReply) =>
    reply
      .header('content-type', 'image/png')
      .header('content-length', SAMPLE_PHOTO.length)
      .send(SAMPLE_PHOTO);
  const threadOf = (entryId: string, identity: string) => {
    const key = `${entryId}|${identity}`;
    let lines = threads.get(key);
    if (!lines) {
      lines = [];
      threads.set(key, lines);
    }
    return lines;
  };

  const simulated = async (): Promise<ProviderEntryPoint[]> => {
    const entries = (await store.admin.entryPoints.list()).filter((e) => e.simulated && !e.deletedAt);
    const found = await Promise.all(entries.map((e) => configs.get(e.id)));
    return found.filter((e): e is ProviderEntryPoint => e?.simulated === true && !e.deleted);
  };

  const later = (ms: number, fn: () => Promise<unknown>) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn().catch((err) => logger.warn({ err }, 'simulator receipt failed'));
    }, ms);
    timers.add(t);
  };

  /** A send to the simulated provider API: checked like the provider checks it, recorded, receipted. */
  const accept = async (
    reply: FastifyReply,
    match: (config: ProviderConfig) => boolean,
    authorized: (config: ProviderConfig) => boolean,
    read: () => { to: string; text: string; media?: string | undefined },
  ) => {
    const entry = (await simulated()).find((e) => match(e.config));
    if (!entry || !authorized(entry.config)) {
      return reply
        .code(401)
        .send({ error: { message: 'Invalid OAuth access token', type: 'OAuthException', code: 190 } });
    }
    const { to, text, media } = read();
    const providerId =
      entry.channel === 'whatsapp'
        ? `wamid.OUT${randomUUID()}`
        : entry.channel === 'sms'
          ? `SM${randomUUID().replace(/-/g, '')}`
          : `m_${randomUUID()}`;
    const line: SimulatedLine = {
      id: providerId,
      direction: 'out',
      text,
      at: new Date().toISOString(),
      status: 'accepted',
      to,
      ...(media ? { media } : {}),
    };
    threadOf(entry.id, entry.channel === 'whatsapp' ? `+${to.replace(/^\+/, '')}` : to).push(line);
    // Delivered at once; read once the customer has the page open with read receipts on (SMS has none).
    later(DELIVERED_AFTER_MS, async () => {
      await poster.status(entry.id, entry.config, providerId, to, 'delivered');
      line.status = 'delivered';
    });
    if (entry.channel === 'sms') {
      return reply.code(201).send({ sid: providerId, status: 'queued', to, body: text });
    }
    if (entry.channel === 'whatsapp') {
      return reply.send({
        messaging_product: 'whatsapp',
        contacts: [{ input: to, wa_id: to }],
        messages: [{ id: providerId }],
      });
    }
    return reply.send({ recipient_id: to, message_id: providerId });
  };

  const plugin: FastifyPluginAsync = async (app) => {
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    app.get('/simulator', { schema: { hide: true } }, (_req, reply) =>
      reply.type('text/html').send(SIMULATOR_PAGE),
    );
    app.get('/simulator/app.js', { schema: { hide: true } }, (_req, reply) =>
      reply.type('text/javascript').send(SIMULATOR_SCRIPT),
    );
    app.get<{ Querystring: { entryPointId?: string; identity?: string; read?: string } }>(
      '/simulator/api/state',
      { schema: { hide: true } },
      async (request) => {
        const entries = await simulated();
        const { entryPointId, identity, read } = request.query;
        const entry = entries.find((e) => e.id === entryPointId);
        if (entry && identity && read === '1' && entry.channel !== 'sms') {
          for (const line of threads.get(`${entry.id}|${identity}`) ?? []) {
            if (line.direction === 'out' && line.status === 'delivered') {
              line.status = 'read';
              await poster.status(entry.id, entry.config, line.id, line.to ?? identity, 'read');
            }
          }
        }
        return {
          entryPoints: entries.map((e) => ({
            id: e.id,
            channel: e.channel,
            address:
              e.config.channel === 'whatsapp'
                ? e.config.displayPhoneNumber
                : e.config.channel === 'sms'
                  ? e.config.phoneNumber
                  : e.config.pageName,
          })),
          thread: entryPointId && identity ? (threads.get(`${entryPointId}|${identity}`) ?? []) : [],
        };
      },
    );
    app.post(
      '/simulator/api/messages',
      { schema: { hide: true } },
      async (request: FastifyRequest, reply) => {
        const parsed = ZSend.safeParse(request.body);
        if (!parsed.success) {
          throw new AppError(
            'VALIDATION_FAILED',
            parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
          );
        }
        const { entryPointId, identity, name, text, photo } = parsed.data;
        if (!text && !photo) {
          throw new AppError('VALIDATION_FAILED', 'text: write a message or attach the photo');
        }
        const entry = (await simulated()).find((e) => e.id === entryPointId);
        if (!entry) {
          throw new AppError('ENTRY_POINT_NOT_FOUND');
        }
        // Before the webhook: the server may ask for the profile as soon as the message is stored.
        names.set(`${entry.id}|${identity}`, name);
        const { id, status } = await poster.customerMessage(
          entry.id,
          entry.config,
          { identity, name },
          text,
          photo ? newPhoto(entry, `MM${randomUUID().replace(/-/g, '')}`) : undefined,
        );
        if (status === 200) {
          threadOf(entry.id, identity).push({
            id,
            direction: 'in',
            text: photo ? `[photo] ${text}`.trim() : text,
            at: new Date().toISOString(),
            status: null,
          });
        }
        return reply.code(status === 200 ? 201 : 502).send({ id, webhookStatus: status });
      },
    );

    const bearer = (request: FastifyRequest) => (request.headers.authorization ?? '').replace(/^Bearer /, '');
    app.post<{ Params: { version: string; phoneNumberId: string } }>(
      '/simulator/api/whatsapp/:version/:phoneNumberId/messages',
      { schema: { hide: true } },
      (request, reply) => {
        const body = request.body as {
          to?: string;
          text?: { body?: string };
          template?: { name?: string };
          image?: { link?: string };
          document?: { link?: string; filename?: string };
        };
        const file = body.image ?? body.document;
        return accept(
          reply,
          (c) => c.channel === 'whatsapp' && c.phoneNumberId === request.params.phoneNumberId,
          (c) => c.channel === 'whatsapp' && bearer(request) === c.accessToken,
          () => ({
            to: String(body.to ?? ''),
            text: file
              ? `[${body.image ? 'image' : 'document'}] ${body.document?.filename ?? ''}`.trim()
              : (body.text?.body ?? `[template ${body.template?.name ?? ''}]`),
            media: file?.link,
          }),
        );
      },
    );
    app.post<{ Params: { version: string; pageId: string } }>(
      '/simulator/api/messenger/:version/:pageId/messages',
      { schema: { hide: true } },
      (request, reply) => {
        const body = request.body as {
          recipient?: { id?: string };
          message?: { text?: string; attachment?: { type?: string; payload?: { url?: string } } };
        };
        const attachment = body.message?.attachment;
        return accept(
          reply,
          (c) => c.channel === 'messenger' && c.pageId === request.params.pageId,
          (c) => c.channel === 'messenger' && bearer(request) === c.pageAccessToken,
          () => ({
            to: String(body.recipient?.id ?? ''),
            text: attachment ? `[${attachment.type ?? 'file'}]` : String(body.message?.text ?? ''),
            media: attachment?.payload?.url,
          }),
        );
      },
    );
    // Messenger's User Profile API: the simulated customer's name, for the page's token only.
    app.get<{ Params: { version: string; psid: string }; Querystring: { access_token?: string } }>(
      '/simulator/api/messenger/:version/:psid',
      { schema: { hide: true } },
      async (request, reply) => {
        const token = bearer(request) || String(request.query.access_token ?? '');
        const entry = (await simulated()).find(
          (e) => e.config.channel === 'messenger' && e.config.pageAccessToken === token,
        );
        if (!entry) {
          return reply
            .code(401)
            .send({ error: { message: 'Invalid OAuth access token', type: 'OAuthException', code: 190 } });
        }
        const name = names.get(`${entry.id}|${request.params.psid}`);
        if (!name) {
          return reply.code(400).send({
            error: {
              message: `Unsupported get request. Object with ID '${request.params.psid}' does not exist`,
              type: 'GraphMethodException',
              code: 100,
              error_subcode: 33,
            },
          });
        }
        const [first = '', ...rest] = name.split(/\s+/);
        return reply.send({ first_name: first, last_name: rest.join(' '), id: request.params.psid });
      },
    );
    // The providers' media: WhatsApp's media URL (Graph API, the page's token), then the file with
    // the same token; Messenger's CDN URL (no credentials); Twilio's Media resource (Basic auth).
    app.get<{ Params: { version: string; mediaId: string } }>(
      '/simulator/api/whatsapp/:version/:mediaId',
      { schema: { hide: true } },
      async (request, reply) => {
        const entry = await photoOf(request.params.mediaId);
        if (entry?.config.channel !== 'whatsapp' || bearer(request) !== entry.config.accessToken) {
          return reply
            .code(entry ? 401 : 404)
            .send({ error: { message: 'Unsupported get request', type: 'GraphMethodException', code: 100 } });
        }
        return reply.send({
          messaging_product: 'whatsapp',
          url: `${self.publicBase.replace(/\/+$/, '')}/simulator/media/${request.params.mediaId}`,
          mime_type: 'image/png',
          sha256: createHash('sha256').update(SAMPLE_PHOTO).digest('hex'),
          file_size: SAMPLE_PHOTO.length,
          id: request.params.mediaId,
        });
      },
    );
    app.get<{ Params: { mediaId: string } }>(
      '/simulator/media/:mediaId',
      { schema: { hide: true } },
      async (request, reply) => {
        const entry = await photoOf(request.params.mediaId);
        const allowed =
          entry?.config.channel === 'messenger' ||
          (entry?.config.channel === 'whatsapp' && bearer(request) === entry.config.accessToken);
        return allowed ? sendPhoto(reply) : reply.code(404).send();
      },
    );
    app.get<{ Params: { sid: string; messageSid: string; mediaId: string } }>(
      '/simulator/api/sms/2010-04-01/Accounts/:sid/Messages/:messageSid/Media/:mediaId',
      { schema: { hide: true } },
      async (request, reply) => {
        const entry = await photoOf(request.params.mediaId);
        const basic = Buffer.from(
          (request.headers.authorization ?? '').replace(/^Basic /, ''),
          'base64',
        ).toString();
        if (
          entry?.config.channel !== 'sms' ||
          entry.config.accountSid !== request.params.sid ||
          basic !== `${entry.config.accountSid}:${entry.config.authToken}`
        ) {
          return reply
            .code(404)
            .send({ code: 20404, message: 'The requested resource was not found', status: 404 });
        }
        return sendPhoto(reply);
      },
    );
    app.post<{ Params: { sid: string } }>(
      '/simulator/api/sms/2010-04-01/Accounts/:sid/Messages.json',
      { schema: { hide: true } },
      (request, reply) => {
        const form = request.body as Record<string, string>;
        const basic = Buffer.from(
          (request.headers.authorization ?? '').replace(/^Basic /, ''),
          'base64',
        ).toString();
        return accept(
          reply,
          (c) => c.channel === 'sms' && c.accountSid === request.params.sid,
          (c) => c.channel === 'sms' && basic === `${c.accountSid}:${c.authToken}`,
          () => ({
            to: String(form.To ?? ''),
            text: form.MediaUrl ? `[media] ${form.Body ?? ''}`.trim() : String(form.Body ?? ''),
            media: form.MediaUrl,
          }),
        );
      },
    );
  };
  return Object.assign(plugin, {
    stop: () => {
      for (const t of timers) {
        clearTimeout(t);
      }
      timers.clear();
    },
  });
};
