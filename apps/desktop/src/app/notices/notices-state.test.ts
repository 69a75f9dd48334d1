import { describe, expect, it } from 'vitest';
import { type Notice, noticesReducer } from './notices-state';

const notice = (id: string): Notice => ({ id, tone: 'info', key: 'offers.timedOut' });

describe('noticesReducer', () => {
  it('keeps the four newest notices and dismisses by id', () => {
    let state: readonly Notice[] = [];
    for (const id of ['a', 'b', 'c', 'd', 'e']) {
      state = noticesReducer(state, { type: 'shown', notice: notice(id) });
    }
    expect(state.map((n) => n.id)).toEqual(['b', 'c', 'd', 'e']);
    expect(noticesReducer(state, { type: 'dismissed', id: 'c' }).map((n) => n.id)).toEqual(['b', 'd', 'e']);
  });
});
