import { describe, expect, it } from 'vitest';
import { filterReasons } from './filter-reasons';

const reasons = [
  { id: '1', name: 'Résolu' },
  { id: '2', name: 'Rückruf vereinbart' },
  { id: '3', name: 'Order status' },
  { id: '4', name: 'Refund requested' },
];

const names = (query: string, keepId: string | null = null) =>
  filterReasons({ reasons, query, keepId }).map((r) => r.name);

describe('filterReasons', () => {
  it('shows everything for an empty query', () => {
    expect(names('  ')).toHaveLength(4);
  });

  it('ignores case and accents', () => {
    expect(names('resolu')).toEqual(['Résolu']);
    expect(names('RUCKRUF')).toEqual(['Rückruf vereinbart']);
  });

  it('needs every word, in any order', () => {
    expect(names('requested refund')).toEqual(['Refund requested']);
    expect(names('order refund')).toEqual([]);
  });

  it('keeps the chosen reason visible', () => {
    expect(names('order', '4')).toEqual(['Order status', 'Refund requested']);
  });
});
