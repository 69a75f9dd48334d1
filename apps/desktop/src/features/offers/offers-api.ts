import type { TConversationDetail } from '@switchboard/contracts';
import type { ApiClient } from '../../shared/api/api-client';

export const postAcceptOffer = (api: ApiClient, offerId: string) =>
  api.post<TConversationDetail>(`/api/offers/${encodeURIComponent(offerId)}/accept`);

/** CXone: a rejected chat goes back to the queue and the agent becomes Refused. */
export const postRejectOffer = (api: ApiClient, offerId: string) =>
  api.post<void>(`/api/offers/${encodeURIComponent(offerId)}/reject`);
