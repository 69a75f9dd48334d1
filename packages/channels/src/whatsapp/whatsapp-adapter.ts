import { isOutcome, requestWithDeadline, trimSlash } from '../provider/http';
import { unsendableMedia } from '../provider/media';
import { GRAPH_API_VERSION } from '../provider/meta-graph';
import { answerMetaChallenge, verifyMetaSignature } from '../provider/meta-signature';
import type {
  OutboundMessage,
  ProviderAdapter,
  SendOutcome,
  WhatsappConfig,
} from '../provider/provider-adapter';
import { type MetaError, whatsappFailure } from './whatsapp-errors';
import { fetchWhatsappMedia } from './whatsapp-media';
import { parseWhatsappDelivery } from './whatsapp-parse';

// Defined apart so that the media fetch can use it without importing this module; still exported here.
export { GRAPH_API_VERSION };

/**
 * What the message is: a template outside the 24-hour window (where a file could not go either),
 * else a file by our URL (Meta fetches it), else the text.
 */
const contentOf = ({ body, template, media }: OutboundMessage) => {
  if (template) {
    return {
      type: 'template',
      template: {
        name: template.name,
        language: { code: template.language },
        components: template.parameters.length
          ? [{ type: 'body', parameters: template.parameters.map((text) => ({ type: 'text', text })) }]
          : [],
      },
    };
  }
  if (media?.kind === 'image') {
    return { type: 'image', image: { link: media.url } };
  }
  if (media) {
    // The name the customer sees the document by, when we know it.
    return {
      type: 'document',
      document: { link: media.url, ...(media.name !== null ? { filename: media.name } : {}) },
    };
  }
  return { type: 'text', text: { body, preview_url: false } };
};

const payloadOf = (message: OutboundMessage) => ({
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
  to: message.to,
  ...contentOf(message),
});

/** WhatsApp Cloud API (Meta): webhooks signed with the app secret, sends on the Graph API. */
export const whatsappAdapter: ProviderAdapter<WhatsappConfig> = {
  channel: 'whatsapp',
  answerChallenge: (query, config) => answerMetaChallenge(query, config.verifyToken),
  verify: (request, config) => verifyMetaSignature(request, config.appSecret),
  parse: parseWhatsappDelivery,
  fetchMedia: fetchWhatsappMedia,
  send: async ({ config, message, fetch: fetchFn, timeoutMs }): Promise<SendOutcome> => {
    const refused = unsendableMedia(message);
    if (refused) {
      return refused;
    }
    const answer = await requestWithDeadline({
      url: `${trimSlash(config.apiBaseUrl)}/${GRAPH_API_VERSION}/${encodeURIComponent(config.phoneNumberId)}/messages`,
      init: {
        method: 'POST',
        headers: { authorization: `Bearer ${config.accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(payloadOf(message)),
      },
      ...(fetchFn ? { fetchFn } : {}),
      ...(timeoutMs ? { timeoutMs } : {}),
    });
    if (isOutcome(answer)) {
      return answer;
    }
    const json = answer.json as { messages?: { id?: string }[]; error?: MetaError } | null;
    const id = json?.messages?.[0]?.id;
    if (answer.status >= 200 && answer.status < 300 && typeof id === 'string') {
      return { ok: true, providerMessageId: id };
    }
    return whatsappFailure(answer.status, json?.error);
  },
};
