import type { TConversationSummary, TTransferRequest, TTransferTargets } from '@switchboard/contracts';
import type { ApiClient } from '../../shared/api/api-client';

const base = (id: string) => `/api/conversations/${encodeURIComponent(id)}`;

/** The dialogs' lists, with the agents' current states: fetched on open and on Reload. */
export const fetchTransferTargets = (api: ApiClient) => api.get<TTransferTargets>('/api/transfer-targets');

export const postTransfer = (api: ApiClient, id: string, request: TTransferRequest) =>
  api.post<TConversationSummary>(`${base(id)}/transfer`, request);

export const postConference = (api: ApiClient, id: string, agentId: string) =>
  api.post<TConversationSummary>(`${base(id)}/conference`, { agentId });

export const postLeaveConference = (api: ApiClient, id: string, how: 'end' | 'exit') =>
  api.post<TConversationSummary>(`${base(id)}/${how}-conference`);
