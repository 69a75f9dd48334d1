import type { TOffer } from '@switchboard/contracts';

export type OffersState = readonly TOffer[];

export type OffersEvent =
  | { type: 'replaced'; offers: readonly TOffer[] }
  | { type: 'added'; offer: TOffer }
  | { type: 'removed'; offerId: string }
  | { type: 'removedForConversation'; conversationId: string };

const byOfferedAt = (a: TOffer, b: TOffer) => Date.parse(a.offeredAt) - Date.parse(b.offeredAt);

/** Pending offers, oldest first; several can wait at once and each is accepted on its own. */
export const offersReducer = (state: OffersState, event: OffersEvent): OffersState => {
  switch (event.type) {
    case 'replaced':
      return [...event.offers].sort(byOfferedAt);
    case 'added':
      return [...state.filter((o) => o.id !== event.offer.id), event.offer].sort(byOfferedAt);
    case 'removed':
      return state.some((o) => o.id === event.offerId) ? state.filter((o) => o.id !== event.offerId) : state;
    case 'removedForConversation':
      return state.some((o) => o.conversationId === event.conversationId)
        ? state.filter((o) => o.conversationId !== event.conversationId)
        : state;
  }
};
