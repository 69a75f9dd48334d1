import type { TChannel } from '@switchboard/contracts';

/** What the supervisor filters the history by; empty strings mean "all". */
export interface HistoryFilters {
  readonly from: Date;
  readonly to: Date;
  readonly queueId: string;
  readonly agentId: string;
  readonly channel: TChannel | '';
  readonly status: 'open' | 'ended' | '';
}

/**
 * The query of `GET /api/supervisor/conversations` for these filters, and `before` for the page
 * after the one that answered `next`: only the filters that narrow anything are sent.
 */
export const historyQuery = (filters: HistoryFilters, before?: string): string => {
  const params = new URLSearchParams({ from: filters.from.toISOString(), to: filters.to.toISOString() });
  for (const key of ['queueId', 'agentId', 'channel', 'status'] as const) {
    if (filters[key] !== '') {
      params.set(key, filters[key]);
    }
  }
  if (before !== undefined) {
    params.set('before', before);
  }
  return params.toString();
};
