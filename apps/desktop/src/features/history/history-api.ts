import type {
  TEarlierConversations,
  THistoryDetail,
  THistoryPage,
  TSupervisorOverview,
} from '@switchboard/contracts';
import type { ApiClient } from '../../shared/api/api-client';
import { type HistoryFilters, historyQuery } from './history-query';

export const fetchHistoryPage = (api: ApiClient, filters: HistoryFilters, before?: string) =>
  api.get<THistoryPage>(`/api/supervisor/conversations?${historyQuery(filters, before)}`);

export const fetchHistoryDetail = (api: ApiClient, conversationId: string, after = 0) =>
  api.get<THistoryDetail>(
    `/api/supervisor/conversations/${encodeURIComponent(conversationId)}?after=${after}`,
  );

/** The queues and agents to filter by: the board's, which lists every queue and agent. */
export const fetchFilterOptions = (api: ApiClient) =>
  api.get<TSupervisorOverview>('/api/supervisor/overview');

/** One masked value of one message, for a reason the server writes to the audit log. */
export const revealValue = (api: ApiClient, body: { messageId: string; spanIndex: number; reason: string }) =>
  api.post<{ type: string; value: string }>('/api/supervisor/reveal', body);

/** The agent's interaction history: the customer's earlier conversations, from one they take part in. */
export const fetchEarlier = (api: ApiClient, conversationId: string) =>
  api.get<TEarlierConversations>(`/api/conversations/${encodeURIComponent(conversationId)}/earlier`);

export const fetchEarlierDetail = (api: ApiClient, conversationId: string, earlierId: string, after = 0) =>
  api.get<THistoryDetail>(
    `/api/conversations/${encodeURIComponent(conversationId)}/earlier/${encodeURIComponent(earlierId)}?after=${after}`,
  );

/** An administrator erases the customer's data in every conversation of theirs (audited, with the reason). */
export const eraseCustomer = (api: ApiClient, conversationId: string, reason: string) =>
  api.post<{ conversations: number }>(
    `/api/admin/conversations/${encodeURIComponent(conversationId)}/erase`,
    {
      reason,
    },
  );
