import { describe, expect, it } from 'vitest';
import { type HistoryFilters, historyQuery } from './history-query';

const filters: HistoryFilters = {
  from: new Date('2026-12-01T00:00:00.000Z'),
  to: new Date('2026-12-05T12:00:00.000Z'),
  queueId: '',
  agentId: '',
  channel: '',
  status: '',
};

describe('the history’s query', () => {
  it('sends the period and only the filters that narrow it', () => {
    const query = new URLSearchParams(historyQuery(filters));
    expect([...query.keys()]).toEqual(['from', 'to']);
    expect(query.get('from')).toBe('2026-12-01T00:00:00.000Z');
    const narrowed = new URLSearchParams(
      historyQuery({ ...filters, channel: 'whatsapp', status: 'ended', agentId: 'a1' }),
    );
    expect(Object.fromEntries(narrowed)).toMatchObject({
      channel: 'whatsapp',
      status: 'ended',
      agentId: 'a1',
    });
    expect(narrowed.has('queueId')).toBe(false);
  });

  it('goes on from the page before, its cursor encoded', () => {
    const query = historyQuery(filters, '1764892800000000~0b9d6c1e-6a3f-4e53-9a52-3c1f6f0f4a11');
    expect(query).toContain('before=1764892800000000%7E0b9d6c1e-6a3f-4e53-9a52-3c1f6f0f4a11');
    expect(new URLSearchParams(query).get('before')).toBe(
      '1764892800000000~0b9d6c1e-6a3f-4e53-9a52-3c1f6f0f4a11',
    );
  });
});
