import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskSensitiveData } from '../../src/masking/index';
import { cardNumber } from './corpus/cards';
import { validIban } from './corpus/ibans';
import { bsn, dni, nie, nir, personnummer, ssn, svnr } from './corpus/national-ids';
import { createRandom } from './corpus/random';

/**
 * Properties over texts made of pieces that exercise the scanner: values of every type, digits
 * and separators, words with and without keywords, and arbitrary Unicode.
 */

const random = createRandom(7);
const VALUES = [
  '+447966197542',
  '+1 (123) 456 7890',
  '+ 1 (123) 456 7890',
  '070-123 45 67',
  '(415) 555-2671',
  '06.12.34.56.78',
  '0049 30 12345678',
  'melissa@gmail.com',
  'jörg.müller@müller.de',
  cardNumber('4', 16, random).replace(/(\d{4})(?=\d)/g, '$1 '),
  cardNumber('37', 15, random),
  validIban('DE', random),
  validIban('MT', random),
  `${ssn(random).slice(0, 3)}-45-6789`,
  `${personnummer(random).ten.slice(0, 6)}-${personnummer(random).ten.slice(6)}`,
  `BSN ${bsn(random)}`,
  dni(random),
  nie(random),
  nir(random),
  svnr(random),
  'AB 12 34 56 C',
  '12.05.2024',
  '192.168.1.10',
  '€1.299,00',
  'ISBN 978-3-16-148410-0',
  'jan@x.se',
  '.jan@x.se',
  // The written forms of issue 16: after `=`, other scripts' digits, no-break spaces, line breaks.
  'card=4111111111111111;',
  '"pan":"5500.0055.5555.5559"',
  '?tel=+447966197542&x=1',
  'a@b.se',
  'jo@x.se',
  '+٤٤٧٩٦٦١٩٧٥٤٢',
  '４１１１ １１１１ １１１１ １１１１',
  '4111\u00a01111\u00a01111\u00a01111',
  '4111 1111\n1111 1111',
  'Llámame al 0034 612 34 56 78',
];

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...VALUES) },
  { weight: 2, arbitrary: fc.stringMatching(/^[0-9 ().+\-/]{1,12}$/) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      ' ',
      ', ',
      '. ',
      '.',
      '-',
      '_',
      '\n',
      ':',
      '*',
      '@',
      '#',
      '(',
      ')',
      '+',
      '=',
      '\u00a0',
      '\u202f',
      '٣',
      '７',
    ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'Ring ',
      'tel',
      'order ',
      'order.',
      'BSN ',
      'SSN',
      'IBAN ',
      'Bestellnummer',
      'é',
      'x',
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
);

const text = fc.array(piece, { maxLength: 14 }).map((pieces) => pieces.join(''));
const region = fc.constantFrom(undefined, 'SE', 'US', 'DE', 'FR', 'ES', 'NL', 'GB');

describe('masking properties', () => {
  it('is idempotent: masking a masked text changes nothing', () => {
    fc.assert(
      fc.property(text, region, (t, defaultRegion) => {
        const once = maskSensitiveData({ text: t, defaultRegion }).text;
        expect(maskSensitiveData({ text: once, defaultRegion }).text).toBe(once);
      }),
      { numRuns: 400 },
    );
  });

  it('never changes text outside its findings, and keeps the length', () => {
    fc.assert(
      fc.property(text, region, (t, defaultRegion) => {
        const { text: masked, findings } = maskSensitiveData({ text: t, defaultRegion });
        expect(masked.length).toBe(t.length);
        let from = 0;
        for (const f of findings) {
          expect(f.start).toBeGreaterThanOrEqual(from);
          expect(f.end).toBeGreaterThan(f.start);
          expect(masked.slice(from, f.start)).toBe(t.slice(from, f.start));
          from = f.end;
        }
        expect(masked.slice(from)).toBe(t.slice(from));
      }),
      { numRuns: 400 },
    );
  });

  it('leaves at most the last four digits of a number, or the first character and domain of an address', () => {
    fc.assert(
      fc.property(text, region, (t, defaultRegion) => {
        const { text: masked, findings } = maskSensitiveData({ text: t, defaultRegion });
        for (const f of findings) {
          const before = t.slice(f.start, f.end);
          const after = masked.slice(f.start, f.end);
          if (f.type === 'email') {
            const at = before.lastIndexOf('@');
            expect(after.slice(at)).toBe(before.slice(at));
            expect(after.slice(1, at)).toMatch(/^\**$/);
          } else {
            // Digits of any script count: `+٤٤٧٩٦٦١٩٧٥٤٢` keeps `٧٥٤٢`.
            const kept = after.replace(/[^\p{Nd}]/gu, '');
            expect(kept).toBe([...before.replace(/[^\p{Nd}]/gu, '')].slice(-4).join(''));
            expect(after).not.toMatch(/[A-Za-z]/);
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});
