import type { TConversationSummary, TOffer } from '@switchboard/contracts';

/**
 * What asks for the agent now: contact requests waiting for Accept (their timer runs), and
 * customers waiting for an answer in a conversation the agent holds. The browser tab's title
 * counts them, so an agent working in another window sees it.
 */
export const attentionCount = ({
  offers,
  conversations,
}: {
  offers: readonly Pick<TOffer, 'id'>[];
  conversations: readonly Pick<TConversationSummary, 'waitingSince' | 'participation'>[];
}): number =>
  offers.length +
  conversations.filter((c) => c.participation.state === 'active' && c.waitingSince !== null).length;

/** `(3) Switchboard`, or the name alone when nothing waits. */
export const titleWith = (name: string, count: number): string => (count > 0 ? `(${count}) ${name}` : name);

/**
 * The contact requests that arrived since the ones seen before (by id), for the alert sound: one
 * chime per new request, none for a request that only changed (its customer named, say).
 */
export const arrivedOffers = (seen: ReadonlySet<string>, offers: readonly Pick<TOffer, 'id'>[]): string[] =>
  offers.filter((offer) => !seen.has(offer.id)).map((offer) => offer.id);

type MessageSummary = Pick<TConversationSummary, 'id' | 'customerName' | 'participation' | 'lastMessage'>;

/** The last message of each conversation, by conversation id: what the agent's desk has already had. */
export const lastMessageIds = (conversations: readonly MessageSummary[]): Map<string, string | null> =>
  new Map(conversations.map((c) => [c.id, c.lastMessage?.id ?? null]));

/**
 * The conversations the agent holds whose customer wrote since the last messages seen, each with
 * that newest message (one notification per conversation, however many arrived). A conversation
 * not seen before (just accepted, or back after a reconnect) brings nothing new: its request was
 * the alert.
 */
export const newCustomerMessages = <S extends MessageSummary>(
  seen: ReadonlyMap<string, string | null>,
  conversations: readonly S[],
): S[] =>
  conversations.filter((c) => {
    const last = c.lastMessage;
    return (
      c.participation.state === 'active' &&
      last !== null &&
      last.author === 'customer' &&
      seen.has(c.id) &&
      seen.get(c.id) !== last.id
    );
  });

/** A message as a notification shows it: one line, at most `max` characters. */
export const previewOf = (body: string, max = 140): string => {
  const line = body.replace(/\s+/g, ' ').trim();
  // Cut between characters, not inside an emoji's surrogate pair.
  const characters = Array.from(line);
  return characters.length > max ? `${characters.slice(0, max - 1).join('')}…` : line;
};
