import type { TWrapUpRequest } from '@switchboard/contracts';
import type { ApiClient } from '../../shared/api/api-client';

export const postWrapUp = (api: ApiClient, conversationId: string, request: TWrapUpRequest) =>
  api.post<void>(`/api/conversations/${encodeURIComponent(conversationId)}/wrap-up`, request);
