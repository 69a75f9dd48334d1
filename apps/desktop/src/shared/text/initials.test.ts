import { describe, expect, it } from 'vitest';
import { initialsOf } from './initials';

describe('initialsOf', () => {
  it.each([
    ['Alice Martin', 'AM'],
    ['alice', 'A'],
    ['  María José  García ', 'MG'],
    ['Åsa Öberg', 'ÅÖ'],
    ['Jean-Luc Picard', 'JP'],
    ['Jan van der Berg', 'JB'],
    ['李 小龙', '李小'],
    ['+447966197542', ''],
    ['*********7542', ''],
    ['', ''],
    ['m******@gmail.com', 'M'],
  ])('%j gives %j', (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
  });
});
