import { describe, expect, it } from 'vitest';
import { moveItem } from './list-order';

const list = (positions: number[]) => positions.map((position, k) => ({ id: `r${k}`, position }));

describe('reordering an administrator’s list', () => {
  it('swaps neighbours and writes only the positions that change', () => {
    const { items, writes } = moveItem(list([0, 1, 2, 3]), 2, -1);
    expect(items.map((i) => i.id)).toEqual(['r0', 'r2', 'r1', 'r3']);
    expect(writes).toEqual([
      { id: 'r2', position: 1 },
      { id: 'r1', position: 2 },
    ]);
  });

  it('breaks ties the server orders by name, so the move shows after a reload', () => {
    const { writes } = moveItem(list([0, 0, 0]), 0, 1);
    expect(writes).toEqual([
      { id: 'r0', position: 1 },
      { id: 'r2', position: 2 },
    ]);
  });

  it('does nothing past either end', () => {
    expect(moveItem(list([0, 1]), 0, -1).writes).toEqual([]);
    expect(moveItem(list([0, 1]), 1, 1).writes).toEqual([]);
  });
});
