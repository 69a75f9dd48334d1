import { describe, expect, it } from 'vitest';
import { createGroupCommit } from '../src/group-commit';

/** A one-connection database stand-in: each transaction takes a turn of the event loop. */
const fakeDatabase = () => {
  const log: string[] = [];
  const apply = (item: string) => {
    if (item.startsWith('fail')) {
      throw new Error(item);
    }
    return `done ${item}`;
  };
  const turn = () => new Promise((r) => setImmediate(r));
  return {
    log,
    runOne: async (item: string) => {
      await turn();
      log.push(`alone ${item}`);
      return apply(item);
    },
    runGroup: async (items: string[]) => {
      await turn();
      // All or nothing: a failing item rolls the whole group back.
      const results = items.map(apply);
      log.push(`group ${items.join(',')}`);
      return results;
    },
  };
};

describe('group commit', () => {
  it('runs alone what arrives alone, and together, in order, what arrives while one runs', async () => {
    const db = fakeDatabase();
    const group = createGroupCommit({ runOne: db.runOne, runGroup: db.runGroup, maxGroup: 3 });
    expect(await group.run('a')).toBe('done a');
    const results = await Promise.all(['b', 'c', 'd', 'e', 'f'].map(group.run));
    expect(results).toEqual(['b', 'c', 'd', 'e', 'f'].map((x) => `done ${x}`));
    expect(db.log).toEqual(['alone a', 'group b,c,d', 'group e,f']);
  });

  it('runs each of a failed group alone: each gets its own result or error', async () => {
    const db = fakeDatabase();
    const group = createGroupCommit({ runOne: db.runOne, runGroup: db.runGroup });
    const settled = await Promise.allSettled(['a', 'b', 'fail c', 'd'].map(group.run));
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message))).toEqual([
      'done a',
      'done b',
      'fail c',
      'done d',
    ]);
    // The four were grouped, rolled back, and run again one by one.
    expect(db.log).toEqual(['alone a', 'alone b', 'alone fail c', 'alone d']);
  });
});
