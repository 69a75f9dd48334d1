import {
  EARLIER_CONVERSATIONS_MAX,
  type TConversationDetail,
  type TConversationSummary,
  type THistoryConversation,
  type THistoryDetail,
  type THistoryPage,
  type THistoryQuery,
  type TMessage,
  type TOffer,
} from '@switchboard/contracts';
import {
  type MaskingContext,
  maskConversationDetail,
  maskConversationSummary,
  maskField,
  maskHistoryConversation,
  maskHistoryDetail,
  maskingFor,
  maskMessage,
  maskOffer,
} from '@switchboard/core';
import { type MaskingInput, readAttachment, type Store } from '@switchboard/store';

/**
 * What any desktop (agent, supervisor, administrator) is sent, built per viewer and masked here,
 * on the server, when the administrator has turned masking on. Every REST answer and socket
 * push to a desktop goes through these; the customer's own views do not.
 */
export const createDeskViews = ({ store }: { store: Store }) => {
  const { views } = store;

  const contextFor = async (conversationId: string): Promise<MaskingContext> => {
    const settings = await views.getSettings();
    return settings.maskSensitiveData
      ? maskingFor(settings, await views.getRegion(conversationId))
      : maskingFor(settings);
  };

  const summary = async (conversationId: string, userId: string): Promise<TConversationSummary | null> => {
    const view = await views.getConversationSummary({ conversationId, userId });
    return view ? maskConversationSummary(view, await contextFor(conversationId)) : null;
  };

  const detail = async (conversationId: string, userId: string): Promise<TConversationDetail | null> => {
    const view = await views.getConversationDetail({ conversationId, userId });
    return view ? maskConversationDetail(view, await contextFor(conversationId)) : null;
  };

  const maskFoundOffer = (found: MaskingInput & { offer: TOffer }) =>
    maskOffer(found.offer, maskingFor(found.settings, found.region));

  const offer = async (offerId: string): Promise<TOffer | null> => {
    const found = await views.getOfferWithContext(offerId);
    return found ? maskFoundOffer(found) : null;
  };

  /**
   * A new message and where it goes: as stored (for the customer's channel), as desktops see it,
   * the agents taking part, and the agent holding an offer of the conversation.
   */
  const messageFanout = async (messageId: string) => {
    const found = await views.getMessageFanout(messageId);
    if (!found) {
      return null;
    }
    const { message, settings, region, ...recipients } = found;
    return { message, forDesk: maskMessage(message, maskingFor(settings, region)), ...recipients };
  };

  const message = async (messageId: string): Promise<TMessage | null> => {
    const view = await views.getMessage(messageId);
    return view ? maskMessage(view, await contextFor(view.conversationId)) : null;
  };

  /** A kept file of an earlier conversation of the same customer (the agent's interaction history). */
  const earlierAttachmentFile = async (conversationId: string, earlierId: string, attachmentId: string) =>
    (await views.sameContact(conversationId, earlierId)) ? attachmentFile(earlierId, attachmentId) : null;

  /** A kept file of the conversation, its name masked as the message shows it. */
  const attachmentFile = async (conversationId: string, attachmentId: string) => {
    const file = await readAttachment(store.database.db, { conversationId, attachmentId });
    if (!file) {
      return null;
    }
    const ctx = await contextFor(conversationId);
    return { ...file, name: file.name === null ? null : maskField(file.name, ctx) };
  };

  const messages = async (conversationId: string, after: number): Promise<TMessage[]> => {
    const ctx = await contextFor(conversationId);
    return (await views.listMessages({ conversationId, after })).map((m) => maskMessage(m, ctx));
  };

  const pendingOffers = async (userId: string): Promise<TOffer[]> =>
    (await views.listPendingOffers(userId)).map(maskFoundOffer);

  const openConversations = async (userId: string): Promise<TConversationSummary[]> =>
    Promise.all(
      (await views.listOpenConversations(userId)).map(async (c) =>
        maskConversationSummary(c, await contextFor(c.id)),
      ),
    );

  /** A page of the supervisor's history: the settings read once, each row masked in its asset's region. */
  const history = async (
    query: Omit<THistoryQuery, 'from' | 'to'> & { from: Date; to: Date },
  ): Promise<THistoryPage> => {
    const [settings, page] = await Promise.all([views.getSettings(), views.listHistory(query)]);
    return {
      conversations: page.conversations.map(({ region, ...conversation }) =>
        maskHistoryConversation(conversation, maskingFor(settings, region)),
      ),
      next: page.next,
    };
  };

  /** One conversation of the history whole, masked as the desk masks it; null when there is none. */
  const historyDetail = async (conversationId: string, after: number): Promise<THistoryDetail | null> => {
    const [settings, found] = await Promise.all([
      views.getSettings(),
      views.getHistoryDetail(conversationId, after),
    ]);
    if (!found) {
      return null;
    }
    const { region, ...conversation } = found.conversation;
    return maskHistoryDetail({ ...found, conversation }, maskingFor(settings, region));
  };

  /** The customer's earlier conversations (the agent's interaction history), masked as the desk masks. */
  const earlier = async (conversationId: string): Promise<THistoryConversation[]> => {
    const [settings, rows] = await Promise.all([
      views.getSettings(),
      views.listEarlier(conversationId, EARLIER_CONVERSATIONS_MAX),
    ]);
    return rows.map(({ region, ...conversation }) =>
      maskHistoryConversation(conversation, maskingFor(settings, region)),
    );
  };

  /** One of them whole, or null when it is not the same customer's. */
  const earlierDetail = async (
    conversationId: string,
    earlierId: string,
    after: number,
  ): Promise<THistoryDetail | null> =>
    (await views.sameContact(conversationId, earlierId)) ? historyDetail(earlierId, after) : null;

  return {
    summary,
    detail,
    offer,
    messageFanout,
    message,
    messages,
    attachmentFile,
    earlierAttachmentFile,
    pendingOffers,
    openConversations,
    history,
    historyDetail,
    earlier,
    earlierDetail,
  };
};

export type DeskViews = ReturnType<typeof createDeskViews>;
