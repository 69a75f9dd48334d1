import type { TConversationSummary, TMessage } from '@switchboard/contracts';
import { lastSeq, mergeMessages } from './utils/merge-messages';

/** An agent message on its way: shown at once, replaced by the stored message, kept with Retry on failure. */
export type PendingMessage = {
  clientMessageId: string;
  body: string;
  createdAt: string;
  status: 'sending' | 'failed';
  error: unknown;
};

export type ConversationEntry = {
  summary: TConversationSummary;
  messages: TMessage[];
  pending: PendingMessage[];
};

export type ConversationsState = {
  byId: Readonly<Record<string, ConversationEntry>>;
  /** Tab order: the order the agent received them. */
  order: readonly string[];
  selectedId: string | null;
};

export const initialConversationsState: ConversationsState = { byId: {}, order: [], selectedId: null };

export type ConversationsEvent =
  /** Bootstrap (on load and after every reconnect): the full set of open conversations. */
  | { type: 'synced'; summaries: readonly TConversationSummary[] }
  | { type: 'upserted'; summary: TConversationSummary; messages?: readonly TMessage[]; select?: boolean }
  | { type: 'messagesReceived'; conversationId: string; messages: readonly TMessage[] }
  | { type: 'removed'; conversationId: string }
  | { type: 'selected'; conversationId: string }
  | { type: 'sendStarted'; conversationId: string; clientMessageId: string; body: string; createdAt: string }
  | { type: 'sendFailed'; conversationId: string; clientMessageId: string; error: unknown }
  | { type: 'sendRetried'; conversationId: string; clientMessageId: string }
  | { type: 'sendDiscarded'; conversationId: string; clientMessageId: string };

/** A participation that is `done` (wrap-up submitted) leaves the desk. */
const isOpen = (summary: TConversationSummary) => summary.participation.state !== 'done';

const byJoinedAt = (a: TConversationSummary, b: TConversationSummary) =>
  Date.parse(a.participation.joinedAt) - Date.parse(b.participation.joinedAt);

const keepSelection = (order: readonly string[], previous: readonly string[], selectedId: string | null) => {
  if (selectedId !== null && order.includes(selectedId)) {
    return selectedId;
  }
  if (selectedId !== null) {
    // The selected tab went away: take the one that moved into its place, else the one before.
    const index = previous.indexOf(selectedId);
    const remaining = previous.filter((id) => order.includes(id));
    const fallback = remaining[Math.min(Math.max(index, 0), remaining.length - 1)];
    if (fallback !== undefined) {
      return fallback;
    }
  }
  return order[0] ?? null;
};

/**
 * Messages change the blue timer before the next summary arrives: an agent answer stops it, a
 * customer message starts it if it was not running. History loaded for the first time keeps the
 * server's value, which knows more than this thread.
 */
const withMessages = (entry: ConversationEntry, incoming: readonly TMessage[]): ConversationEntry => {
  const messages = mergeMessages(entry.messages, incoming);
  const arrivedIds = new Set(incoming.map((m) => m.clientMessageId).filter((id) => id !== null));
  const pending = entry.pending.some((p) => arrivedIds.has(p.clientMessageId))
    ? entry.pending.filter((p) => !arrivedIds.has(p.clientMessageId))
    : entry.pending;
  if (messages === entry.messages && pending === entry.pending) {
    return entry;
  }
  const before = lastSeq(entry.messages);
  let { waitingSince } = entry.summary;
  if (before !== null) {
    for (const message of messages) {
      if (message.seq <= before) {
        continue;
      }
      if (message.author === 'agent') {
        waitingSince = null;
      } else if (message.author === 'customer' && waitingSince === null) {
        waitingSince = message.createdAt;
      }
    }
  }
  const lastMessage = messages[messages.length - 1] ?? entry.summary.lastMessage;
  return { messages, pending, summary: { ...entry.summary, waitingSince, lastMessage } };
};

const updateEntry = (
  state: ConversationsState,
  id: string,
  update: (entry: ConversationEntry) => ConversationEntry,
): ConversationsState => {
  const entry = state.byId[id];
  if (!entry) {
    return state;
  }
  const next = update(entry);
  return next === entry ? state : { ...state, byId: { ...state.byId, [id]: next } };
};

const updatePending = (
  state: ConversationsState,
  id: string,
  clientMessageId: string,
  update: (p: PendingMessage) => PendingMessage | null,
) =>
  updateEntry(state, id, (entry) => {
    if (!entry.pending.some((p) => p.clientMessageId === clientMessageId)) {
      return entry;
    }
    const pending = entry.pending
      .map((p) => (p.clientMessageId === clientMessageId ? update(p) : p))
      .filter((p): p is PendingMessage => p !== null);
    return { ...entry, pending };
  });

const remove = (state: ConversationsState, id: string): ConversationsState => {
  if (!state.byId[id]) {
    return state;
  }
  const { [id]: _removed, ...byId } = state.byId;
  const order = state.order.filter((other) => other !== id);
  return { byId, order, selectedId: keepSelection(order, state.order, state.selectedId) };
};

export const conversationsReducer = (
  state: ConversationsState,
  event: ConversationsEvent,
): ConversationsState => {
  switch (event.type) {
    case 'synced': {
      const open = event.summaries.filter(isOpen);
      const byId: Record<string, ConversationEntry> = {};
      for (const summary of open) {
        const known = state.byId[summary.id];
        byId[summary.id] = known ? { ...known, summary } : { summary, messages: [], pending: [] };
      }
      const known = state.order.filter((id) => byId[id]);
      const added = open
        .filter((s) => !state.byId[s.id])
        .sort(byJoinedAt)
        .map((s) => s.id);
      const order = [...known, ...added];
      return { byId, order, selectedId: keepSelection(order, state.order, state.selectedId) };
    }
    case 'upserted': {
      const { summary } = event;
      if (!isOpen(summary)) {
        return remove(state, summary.id);
      }
      const known = state.byId[summary.id];
      let entry: ConversationEntry = known ? { ...known, summary } : { summary, messages: [], pending: [] };
      if (event.messages) {
        entry = withMessages(entry, event.messages);
      }
      const order = known ? state.order : [...state.order, summary.id];
      const selectedId = event.select ? summary.id : (state.selectedId ?? summary.id);
      return { byId: { ...state.byId, [summary.id]: entry }, order, selectedId };
    }
    case 'messagesReceived':
      return updateEntry(state, event.conversationId, (entry) => withMessages(entry, event.messages));
    case 'removed':
      return remove(state, event.conversationId);
    case 'selected':
      return state.byId[event.conversationId] ? { ...state, selectedId: event.conversationId } : state;
    case 'sendStarted':
      return updateEntry(state, event.conversationId, (entry) => ({
        ...entry,
        pending: [
          ...entry.pending,
          {
            clientMessageId: event.clientMessageId,
            body: event.body,
            createdAt: event.createdAt,
            status: 'sending',
            error: null,
          },
        ],
      }));
    case 'sendFailed':
      return updatePending(state, event.conversationId, event.clientMessageId, (p) => ({
        ...p,
        status: 'failed',
        error: event.error,
      }));
    case 'sendRetried':
      return updatePending(state, event.conversationId, event.clientMessageId, (p) => ({
        ...p,
        status: 'sending',
        error: null,
      }));
    case 'sendDiscarded':
      return updatePending(state, event.conversationId, event.clientMessageId, () => null);
  }
};
