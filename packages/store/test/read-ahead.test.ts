import { describe, expect, it } from 'vitest';
import { createReadAhead } from '../src/read-ahead';

describe('read-ahead views', () => {
  it('gives each view kept to its first reader only', () => {
    const ahead = createReadAhead<{ name: string }>();
    ahead.keep([
      ['a', { name: 'first' }],
      ['b', { name: 'second' }],
    ]);
    expect(ahead.take('a')).toEqual({ name: 'first' });
    expect(ahead.take('a')).toBeUndefined();
    expect(ahead.take('b')).toEqual({ name: 'second' });
    expect(ahead.take('never kept')).toBeUndefined();
  });

  it('drops the views nobody took once the event loop has turned', async () => {
    const ahead = createReadAhead<number>();
    ahead.keep([['late', 1]]);
    await new Promise((done) => setImmediate(done));
    expect(ahead.take('late')).toBeUndefined();
  });
});
