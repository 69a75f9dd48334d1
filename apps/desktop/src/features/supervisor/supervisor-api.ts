import type { TSupervisorOverview } from '@switchboard/contracts';
import type { ApiClient } from '../../shared/api/api-client';

export const fetchOverview = (api: ApiClient, signal?: AbortSignal) =>
  api.get<TSupervisorOverview>('/api/supervisor/overview', signal ? { signal } : {});
