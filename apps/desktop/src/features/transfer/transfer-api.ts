import type {
  TChannel,
  TConferenceRequest,
  TConversationSummary,
  TTransferRequest,
  TTransferTargets,
} from '@switchboard/contracts';
import type { ApiClient } from '../../shared/api/api-client';

const base = (id: string) => `/api/conversations/${encodeURIComponent(id)}`;

/** The dialogs' lists for a conversation's channel, with the agents' current states and loads there: fetched on open and on Reload. */
export const fetchTransferTargets = (api: ApiClient, channel: TChannel) =>
  api.get<TTransferTargets>(`/api/transfer-targets?channel=${encodeURIComponent(channel)}`);

export const postTransfer = (api: ApiClient, id: string, request: TTransferRequest) =>
  api.post<TConversationSummary>(`${base(id)}/transfer`, request);

export const postConference = (api: ApiClient, id: string, request: TConferenceRequest) =>
  api.post<TConversationSummary>(`${base(id)}/conference`, request);

export const postLeaveConference = (api: ApiClient, id: string, how: 'end' | 'exit') =>
  api.post<TConversationSummary>(`${base(id)}/${how}-conference`);
