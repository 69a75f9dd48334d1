import type { TSupervisorReport } from '@switchboard/contracts';
import type { ApiClient } from '../../shared/api/api-client';

export const fetchReport = (api: ApiClient, { from, to }: { from: Date; to: Date }, signal?: AbortSignal) =>
  api.get<TSupervisorReport>(
    `/api/supervisor/report?from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`,
    signal ? { signal } : {},
  );
