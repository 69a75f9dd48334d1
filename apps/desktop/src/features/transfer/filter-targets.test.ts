import { describe, expect, it } from 'vitest';
import { filterByName, sortAgents } from './filter-targets';

describe('the transfer dialog lists', () => {
  it('filter by every word of the search, ignoring case and accents', () => {
    const queues = [{ name: 'Support' }, { name: 'Ventes Europe' }, { name: 'Växel' }];
    expect(filterByName(queues, 'sup', 'en')).toEqual([{ name: 'Support' }]);
    expect(filterByName(queues, 'europe VEN', 'fr')).toEqual([{ name: 'Ventes Europe' }]);
    expect(filterByName(queues, 'vaxel', 'sv')).toEqual([{ name: 'Växel' }]);
    expect(filterByName(queues, '', 'en')).toHaveLength(3);
  });

  it('put agents who can take a conversation now first', () => {
    const agent = (name: string, state: 'available' | 'idle', load: number) => ({
      id: name,
      name,
      state,
      load,
      limit: 2,
    });
    expect(
      sortAgents([agent('Ann', 'idle', 0), agent('Cid', 'available', 2), agent('Bo', 'available', 1)]).map(
        (a) => a.name,
      ),
    ).toEqual(['Bo', 'Ann', 'Cid']);
  });
});
