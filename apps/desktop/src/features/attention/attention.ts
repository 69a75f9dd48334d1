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
