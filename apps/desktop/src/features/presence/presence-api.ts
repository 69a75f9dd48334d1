import type { TAgentStateSnapshot, TSetStateRequest } from '@switchboard/contracts';
import type { ApiClient } from '../../shared/api/api-client';

export const putAgentState = (api: ApiClient, request: TSetStateRequest) =>
  api.put<TAgentStateSnapshot>('/api/agent/state', request);
