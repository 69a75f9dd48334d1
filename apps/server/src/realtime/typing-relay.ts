import type { Logger } from 'pino';

/**
 * Typing indicators, coalesced: a client may report typing on every keystroke, but each
 * conversation's indicator is pushed at most once per `intervalMs` in each direction (the first
 * change at once, the latest one at the end of the interval), and who takes part in a conversation
 * is read at most once per `participantsTtlMs`. A flood of typing events costs memory for one
 * entry and one timer per conversation, and no database work per event.
 *
 * The participants are cached for a moment, so an agent who just left may still receive, or
 * send, an indicator for that long; an indicator carries no content.
 */
export const createTypingRelay = ({
  intervalMs,
  participantsTtlMs,
  readParticipants,
  toAgents,
  toCustomer,
  logger,
  now = Date.now,
}: {
  intervalMs: number;
  participantsTtlMs: number;
  /** The agents who take part in the conversation now. */
  readParticipants: (conversationId: string) => Promise<string[]>;
  toAgents: (conversationId: string, agentIds: string[], typing: boolean) => void;
  toCustomer: (conversationId: string, typing: boolean) => void;
  logger: Logger;
  now?: () => number;
}) => {
  const participants = new Map<string, { at: number; ids: Promise<string[]> }>();
  const channels = new Map<string, { pending: boolean | undefined; timer: NodeJS.Timeout }>();
  let stopped = false;

  const participantsOf = (conversationId: string): Promise<string[]> => {
    const cached = participants.get(conversationId);
    if (cached && now() - cached.at < participantsTtlMs) {
      return cached.ids;
    }
    const ids = readParticipants(conversationId);
    participants.set(conversationId, { at: now(), ids });
    // A failed read is not kept: the next event asks again.
    ids.catch(() => participants.delete(conversationId));
    return ids;
  };
  const pruneParticipants = setInterval(
    () => {
      const t = now();
      for (const [id, entry] of participants) {
        if (t - entry.at >= participantsTtlMs) {
          participants.delete(id);
        }
      }
    },
    Math.max(participantsTtlMs, 1000),
  );
  pruneParticipants.unref();

  /** Pushes now if nothing was pushed on this key within the interval, else once at its end. */
  const coalesce = (key: string, typing: boolean, push: (typing: boolean) => void) => {
    const open = channels.get(key);
    if (open) {
      open.pending = typing;
      return;
    }
    const entry = {
      pending: undefined as boolean | undefined,
      timer: setTimeout(() => {
        channels.delete(key);
        if (entry.pending !== undefined && !stopped) {
          coalesce(key, entry.pending, push);
        }
      }, intervalMs),
    };
    entry.timer.unref();
    channels.set(key, entry);
    push(typing);
  };

  return {
    participantsOf,
    /** The customer is typing (or stopped): every agent in the conversation hears it. */
    fromCustomer: (conversationId: string, typing: boolean) =>
      coalesce(`c:${conversationId}`, typing, (value) => {
        participantsOf(conversationId).then(
          (ids) => toAgents(conversationId, ids, value),
          (err: unknown) => logger.warn({ err, conversationId }, 'typing: participants not read'),
        );
      }),
    /** An agent of the conversation is typing (or stopped): the customer hears it. */
    fromAgent: (conversationId: string, typing: boolean) =>
      coalesce(`a:${conversationId}`, typing, (value) => toCustomer(conversationId, value)),
    stop: () => {
      stopped = true;
      clearInterval(pruneParticipants);
      for (const { timer } of channels.values()) {
        clearTimeout(timer);
      }
      channels.clear();
    },
  };
};

export type TypingRelay = ReturnType<typeof createTypingRelay>;
