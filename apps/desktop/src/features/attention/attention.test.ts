import { describe, expect, it } from 'vitest';
import { arrivedOffers, attentionCount, titleWith } from './attention';

const conversation = (state: 'active' | 'wrapup' | 'done', waitingSince: string | null) => ({
  participation: { state } as never,
  waitingSince,
});

describe('what asks for the agent', () => {
  it('counts contact requests and customers waiting for an answer in conversations the agent holds', () => {
    expect(
      attentionCount({
        offers: [{ id: 'o1' }, { id: 'o2' }],
        conversations: [
          conversation('active', '2026-12-05T10:00:00.000Z'),
          conversation('active', null),
          conversation('wrapup', '2026-12-05T10:00:00.000Z'),
        ],
      }),
    ).toBe(3);
    expect(attentionCount({ offers: [], conversations: [conversation('active', null)] })).toBe(0);
  });

  it('puts the count before the name in the tab’s title', () => {
    expect(titleWith('Switchboard', 3)).toBe('(3) Switchboard');
    expect(titleWith('Switchboard', 0)).toBe('Switchboard');
  });

  it('chimes for a request not seen before, not for one that only changed', () => {
    expect(arrivedOffers(new Set(['o1']), [{ id: 'o1' }, { id: 'o2' }])).toEqual(['o2']);
    expect(arrivedOffers(new Set(['o1']), [{ id: 'o1' }])).toEqual([]);
  });
});
