import { describe, expect, it } from 'vitest';
import { smsSegments } from '../src';

describe('SMS segments', () => {
  it('counts GSM-7 texts in 160 characters, then 153 a part', () => {
    expect(smsSegments('')).toEqual({ encoding: 'GSM-7', units: 0, segments: 0 });
    expect(smsSegments('a'.repeat(160))).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    expect(smsSegments('a'.repeat(161))).toMatchObject({ encoding: 'GSM-7', segments: 2 });
    expect(smsSegments('a'.repeat(306))).toMatchObject({ segments: 2 });
    expect(smsSegments('a'.repeat(307))).toMatchObject({ segments: 3 });
    // Swedish letters are in GSM-7's basic table; € takes two septets.
    expect(smsSegments('Hej, hur mår du? Åsa')).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    expect(smsSegments('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(smsSegments('€'.repeat(81))).toMatchObject({ segments: 2 });
  });

  it('switches the whole text to UCS-2 for any other character: 70, then 67 a part', () => {
    expect(smsSegments(`${'a'.repeat(69)}ł`)).toMatchObject({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(smsSegments(`${'a'.repeat(70)}ł`)).toMatchObject({ encoding: 'UCS-2', segments: 2 });
    // An emoji is two UTF-16 units.
    expect(smsSegments('😀'.repeat(35))).toMatchObject({ units: 70, segments: 1 });
    expect(smsSegments(`${'😀'.repeat(34)}abc`)).toMatchObject({ units: 71, segments: 2 });
  });
});
