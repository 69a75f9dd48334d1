import { isOutcome, requestWithDeadline, trimSlash } from '../provider/http';
import { unsendableMedia } from '../provider/media';
import { GRAPH_API_VERSION } from '../provider/meta-graph';
import { answerMetaChallenge, verifyMetaSignature } from '../provider/meta-signature';
import type {
  MessengerConfig,
  OutboundMessage,
  ProviderAdapter,
  SendOutcome,
} from '../provider/provider-adapter';
import { messengerFailure } from './messenger-errors';
import { fetchMessengerMedia } from './messenger-media';
import { parseMessengerDelivery } from './messenger-parse';
import { readMessengerProfileName } from './messenger-profile';

/**
 * The message itself: a file by our URL (Meta fetches it; not reusable, as the URL expires and
 * each file goes to one customer), or the text.
 */
const messageOf = ({ body, media }: OutboundMessage) =>
  media
    ? {
        attachment: {
          type: media.kind === 'image' ? 'image' : 'file',
          payload: { url: media.url, is_reusable: false },
        },
      }
    : { text: body };

/** Messenger Platform (Meta): the same signature as WhatsApp, sends on the page's Send API. */
export const messengerAdapter: ProviderAdapter<MessengerConfig> = {
  channel: 'messenger',
  answerChallenge: (query, config) => answerMetaChallenge(query, config.verifyToken),
  verify: (request, config) => verifyMetaSignature(request, config.appSecret),
  parse: parseMessengerDelivery,
  readProfileName: readMessengerProfileName,
  fetchMedia: fetchMessengerMedia,
  send: async ({ config, message, fetch: fetchFn, timeoutMs }): Promise<SendOutcome> => {
    const refused = unsendableMedia(message);
    if (refused) {
      return refused;
    }
    const body = {
      recipient: { id: message.to },
      // Outside the 24-hour window the HUMAN_AGENT tag extends it to 7 days.
      ...(message.humanAgentTag
        ? { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' }
        : { messaging_type: 'RESPONSE' }),
      message: messageOf(message),
    };
    const answer = await requestWithDeadline({
      url: `${trimSlash(config.apiBaseUrl)}/${GRAPH_API_VERSION}/${encodeURIComponent(config.pageId)}/messages`,
      init: {
        method: 'POST',
        headers: { authorization: `Bearer ${config.pageAccessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      },
      ...(fetchFn ? { fetchFn } : {}),
      ...(timeoutMs ? { timeoutMs } : {}),
    });
    if (isOutcome(answer)) {
      return answer;
    }
    const json = answer.json as {
      message_id?: string;
      error?: Parameters<typeof messengerFailure>[1];
    } | null;
    if (answer.status >= 200 && answer.status < 300 && typeof json?.message_id === 'string') {
      return { ok: true, providerMessageId: json.message_id };
    }
    return messengerFailure(answer.status, json?.error);
  },
};
