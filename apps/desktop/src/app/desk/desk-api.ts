import type { TBootstrapResponse } from '@switchboard/contracts';
import type { ApiClient } from '../../shared/api/api-client';

/** Everything the desk shows, on load and after every reconnect (docs/api.md). */
export const fetchBootstrap = (api: ApiClient) => api.get<TBootstrapResponse>('/api/agent/bootstrap');
