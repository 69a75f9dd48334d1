import fc from 'fast-check';
import examples from 'libphonenumber-js/examples.mobile.json';
import { type CountryCode, getCountries, getExampleNumber } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { detectSensitiveData, maskSensitiveData } from '../../src/masking/index';
import { luhnCheckDigit } from './corpus/random';

/**
 * The classes of issue 16, as properties: a card after punctuation with no space, in every
 * grouping and with every separator; `00` numbers inside sentences; e-mail addresses with one- or
 * two-character local parts; digits of other scripts and the spaces of other locales.
 */

const spans = (text: string, defaultRegion?: string): string[] =>
  detectSensitiveData({ text, defaultRegion }).map((f) => text.slice(f.start, f.end));

const BRANDS: readonly [string, number][] = [
  ['4', 16],
  ['4', 13],
  ['4', 19],
  ['51', 16],
  ['2720', 16],
  ['34', 15],
  ['37', 15],
  ['6011', 16],
  ['65', 19],
  ['36', 14],
  ['3530', 16],
  ['62', 17],
  ['2200', 16],
  ['6759', 19],
  ['9792', 16],
];

const card = fc
  .tuple(
    fc.constantFrom(...BRANDS),
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 19, maxLength: 19 }),
  )
  .map(([[prefix, length], digits]) => {
    const body = prefix + digits.slice(0, length - prefix.length - 1).join('');
    return body + luhnCheckDigit(body);
  });

const SEPARATORS = [' ', '-', '.', '/', '\u00a0', '\u202f', '\u2009', '\u2013'];
/** Groups of four, or as American Express (4-6-5) and Diners Club (4-6-4) print them, or none. */
const group = (digits: string, sep: string, style: 'fours' | 'four-six' | 'none'): string => {
  if (style === 'none') {
    return digits;
  }
  if (style === 'four-six' && (digits.length === 15 || digits.length === 14)) {
    return `${digits.slice(0, 4)}${sep}${digits.slice(4, 10)}${sep}${digits.slice(10)}`;
  }
  return digits.replace(/(\d{4})(?=\d)/g, `$1${sep}`);
};

const KEY_VALUE = [
  'card={};',
  '"pan":"{}"',
  '?cc={}&exp=0928',
  'pan={}',
  "cc='{}'",
  '<pan>{}</pan>',
  'card:{}',
  '[{}]',
];

describe('cards written as data arrives', () => {
  it('finds a card straight after punctuation, in every grouping and with every separator', () => {
    fc.assert(
      fc.property(
        card,
        fc.constantFrom(...SEPARATORS),
        fc.constantFrom('fours', 'four-six', 'none' as const),
        fc.constantFrom(...KEY_VALUE),
        (digits, sep, style, frame) => {
          const value = group(digits, sep, style);
          expect(spans(frame.replace('{}', value))).toEqual([value]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('finds a card broken over two lines, and reads nothing else across a line break', () => {
    fc.assert(
      fc.property(card, fc.constantFrom('\n', '\r\n', ' \n'), (digits, br) => {
        const grouped = group(digits, ' ', 'fours');
        const value = `${grouped.slice(0, 9)}${br}${grouped.slice(10)}`;
        expect(spans(`my card is ${value} thanks`)).toEqual([value]);
      }),
      { numRuns: 200 },
    );
    expect(spans('order 12345678\n0701234567', 'SE')).toEqual(['0701234567']);
    expect(spans('ticket 1234\n5678 9012', 'US')).toEqual([]);
  });

  it('leaves a number that fails the Luhn check, after punctuation too', () => {
    expect(spans('card=4111111111111112;')).toEqual([]);
    expect(spans('?id=0701234567&page=2', 'SE')).toEqual([]);
  });
});

const PHONE_SENTENCES = [
  'Llámame al {} por favor',
  'Mi número es {}.',
  'Rufen Sie mich unter {} an',
  'Appelez-moi au {}, merci',
  'Ring mig på {} ikväll',
  'Bel me op {} aub',
  'Ligue para {} amanhã',
  'Chiamami al {}',
  'call me on {} after 5',
];

const numbers = getCountries()
  .map((region) => getExampleNumber(region as CountryCode, examples)?.formatInternational())
  .filter((n): n is string => n !== undefined);

describe('international numbers with the 00 exit prefix in sentences', () => {
  it('finds them in nine languages, spaced or not, read with any region', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...numbers),
        fc.constantFrom(...PHONE_SENTENCES),
        fc.boolean(),
        fc.constantFrom(undefined, 'ES', 'DE', 'US', 'FR'),
        (international, sentence, compact, region) => {
          const zeros = international.replace('+', '00');
          const value = compact ? zeros.replace(/[^0-9]/g, '') : zeros;
          expect(spans(sentence.replace('{}', value), region)).toEqual([value]);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('e-mail addresses with short local parts', () => {
  const domain = fc.constantFrom('gmail.com', 'x.se', 'web.de', 'mail.co.uk');
  const char = fc.constantFrom(...'abcxyzø0189'.split(''));

  it('masks a one-character local part whole: *@domain', () => {
    fc.assert(
      fc.property(char, domain, (c, d) => {
        expect(maskSensitiveData({ text: `mail ${c}@${d} ok` }).text).toBe(`mail *@${d} ok`);
      }),
    );
  });

  it('keeps the first of two characters and masks the second: j*@domain', () => {
    fc.assert(
      fc.property(char, char, domain, (a, b, d) => {
        expect(maskSensitiveData({ text: `email=${a}${b}@${d};` }).text).toBe(`email=${a}*@${d};`);
      }),
    );
  });
});

const ZEROS = [0x0660, 0x06f0, 0x0966, 0x09e6, 0x0e50, 0xff10];
const toScript = (text: string, zero: number): string =>
  text.replace(/[0-9]/g, (d) => String.fromCharCode(zero + Number(d)));

const piece = fc.oneof(
  fc.constantFrom(
    '+447966197542',
    '0034 612 345 678',
    '4111 1111 1111 1111',
    'card=5500005555555559;',
    '070-123 45 67',
    '12.05.2024',
    '€1.299,00',
    'order 12345678',
    'DNI 12345678Z',
    '192.168.1.10',
  ),
  fc.stringMatching(/^[0-9 ().+\-/=]{1,12}$/),
  fc.constantFrom(' ', 'ring ', 'tel=', '\n', 'x', 'é'),
);
const text = fc.array(piece, { maxLength: 10 }).map((p) => p.join(''));

describe('digits of other scripts and spaces of other locales', () => {
  it('finds the same values at the same offsets whatever script the digits are in', () => {
    fc.assert(
      fc.property(
        text,
        fc.constantFrom(...ZEROS),
        fc.constantFrom(undefined, 'SE', 'ES'),
        (t, zero, region) => {
          const ascii = detectSensitiveData({ text: t, defaultRegion: region });
          expect(detectSensitiveData({ text: toScript(t, zero), defaultRegion: region })).toEqual(ascii);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('masks them as the seeds say: the last four digits stay, in their own script', () => {
    expect(maskSensitiveData({ text: 'رقمي +٤٤٧٩٦٦١٩٧٥٤٢' }).text).toBe('رقمي *********٧٥٤٢');
    expect(maskSensitiveData({ text: '４１１１ １１１１ １１１１ １１１１' }).text).toBe(
      '***************１１１１',
    );
  });

  it('reads no-break, narrow and thin spaces between groups as spaces', () => {
    fc.assert(
      fc.property(card, fc.constantFrom('\u00a0', '\u202f', '\u2009', '\u2007'), (digits, space) => {
        const value = group(digits, space, 'fours');
        expect(spans(`Karte ${value} bitte`)).toEqual([value]);
      }),
    );
  });
});
