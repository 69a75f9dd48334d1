import { isOutcome, requestWithDeadline, trimSlash } from '../provider/http';
import { GRAPH_API_VERSION } from '../provider/meta-graph';
import { answerMetaChallenge, verifyMetaSignature } from '../provider/meta-signature';
import type { ProviderAdapter, SendOutcome, WhatsappConfig } from '../provider/provider-adapter';
import { type MetaError, whatsappFailure } from './whatsapp-errors';
import { fetchWhatsappMedia } from './whatsapp-media';
import { parseWhatsappDelivery } from './whatsapp-parse';

// Defined apart so that the media fetch can use it without importing this module; still exported here.
export { GRAPH_API_VERSION };

const payloadOf = ({
  to,
  body,
  template,
}: Parameters<ProviderAdapter<WhatsappConfig>['send']>[0]['message']) =>
  template
    ? {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to,
        type: 'template',
        template: {
          name: template.name,
          language: { code: template.language },
          components: template.parameters.length
            ? [{ type: 'body', parameters: template.parameters.map((text) => ({ type: 'text', text })) }]
            : [],
        },
      }
    : {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to,
        type: 'text',
        text: { body, preview_url: false },
      };

/** WhatsApp Cloud API (Meta): webhooks signed with the app secret, sends on the Graph API. */
export const whatsappAdapter: ProviderAdapter<WhatsappConfig> = {
  channel: 'whatsapp',
  answerChallenge: (query, config) => answerMetaChallenge(query, config.verifyToken),
  verify: (request, config) => verifyMetaSignature(request, config.appSecret),
  parse: parseWhatsappDelivery,
  fetchMedia: fetchWhatsappMedia,
  send: async ({ config, message, fetch: fetchFn, timeoutMs }): Promise<SendOutcome> => {
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
