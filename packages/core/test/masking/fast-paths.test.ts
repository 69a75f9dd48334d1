import fc from 'fast-check';
import { countrySpecs, ValidationErrorsIBAN, validateIBAN } from 'ibantools';
import { describe, expect, it } from 'vitest';
import { matchCardNumber, matchCardNumberIn } from '../../src/masking/card';
import { digitValue, foldDigits } from '../../src/masking/char-codes';
import { passesLuhn } from '../../src/masking/checksums';
import { findIbanAt } from '../../src/masking/iban';
import { maskSensitiveData, maskValue } from '../../src/masking/index';
import { isReferenceContext } from '../../src/masking/keywords';
import { looksLikePrice } from '../../src/masking/look-alikes';
import {
  dniLetterOf,
  findLetterBearingNationalId,
  findLetterLedNationalId,
  isValidNinoPrefix,
  isValidNir,
  isValidSvnr,
} from '../../src/masking/national-id';
import { createNumericToken, readNumericToken, spanDigits } from '../../src/masking/numeric-token';
import {
  forgetPhoneVerdicts,
  isInternationalPhone,
  isNationalPhone,
  nationalPlanOf,
  readsAsInternationalPhone,
  readsAsNationalPhone,
} from '../../src/masking/phone';
import {
  isPossibleInternational,
  isPossibleNational,
  parseInternational,
} from '../../src/masking/phone-plans';
import { registryCountries, validIban } from './corpus/ibans';
import { dni, nie, nir, svnr } from './corpus/national-ids';
import { createRandom } from './corpus/random';

/**
 * The masker's shortcuts (issue 16, speed on short lines) against the plain readings they stand
 * for: each shortcut skips work where its answer is already known, so on any input its answer must
 * be the plain one. The plain readings below are written the simple way, as the masker read them
 * before the shortcuts.
 */

const isWord = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}\p{M}_*]/u.test(c);

/** The identity patterns run at every position, unguarded. */
const plainExecAt = (pattern: RegExp, text: string, at: number): RegExpExecArray | null => {
  const sticky = new RegExp(pattern.source, 'y');
  sticky.lastIndex = at;
  const match = sticky.exec(text);
  return match !== null && !isWord(text[at + match[0].length]) ? match : null;
};

const NINO = /([A-Za-z]{2}) ?(\d{2}) ?(\d{2}) ?(\d{2})(?: ?([A-Da-d]))?/;
const NIE = /([XYZxyz])[- ]?(\d{7})[- ]?([A-Za-z])/;
const DNI = /(\d{8}|\d{2}\.\d{3}\.\d{3})[- ]?([A-Za-z])/;
const SVNR = /(\d{2}) ?(\d{6}) ?([A-Za-z]) ?(\d{2}) ?(\d)/;
const NIR_CORSICA = /([1-478]) ?(\d{2}) ?(\d{2}) ?(2[ABab]) ?(\d{3}) ?(\d{3}) ?(\d{2})/;

/** findLetterLedNationalId without its guards, for texts without identity keywords. */
const plainLetterLed = (text: string, p: number) => {
  const nino = plainExecAt(NINO, text, p);
  if (nino !== null && isValidNinoPrefix(nino[1]!)) {
    const upper =
      nino[1] === nino[1]!.toUpperCase() && nino[5] !== undefined && nino[5] === nino[5].toUpperCase();
    if (upper) {
      return { kind: 'gb_nino', end: p + nino[0].length };
    }
  }
  const nie = plainExecAt(NIE, text, p);
  if (nie !== null) {
    const number = Number(`${'XYZ'.indexOf(nie[1]!.toUpperCase())}${nie[2]}`);
    if (dniLetterOf(number) === nie[3]!.toUpperCase()) {
      return { kind: 'es_nie', end: p + nie[0].length };
    }
  }
  return undefined;
};

const plainLetterBearing = (text: string, p: number) => {
  const dniMatch = plainExecAt(DNI, text, p);
  if (
    dniMatch !== null &&
    dniLetterOf(Number(dniMatch[1]!.replaceAll('.', ''))) === dniMatch[2]!.toUpperCase()
  ) {
    return { kind: 'es_dni', end: p + dniMatch[0].length };
  }
  const sv = plainExecAt(SVNR, text, p);
  if (sv !== null && isValidSvnr(`${sv[1]}${sv[2]}${sv[3]}${sv[4]}${sv[5]}`)) {
    return { kind: 'de_svnr', end: p + sv[0].length };
  }
  const corsica = plainExecAt(NIR_CORSICA, text, p);
  if (corsica !== null && isValidNir(corsica.slice(1).join(''))) {
    return { kind: 'fr_nir', end: p + corsica[0].length };
  }
  return undefined;
};

describe('identity numbers: the patterns run only where their digits can match', () => {
  const random = createRandom(16);
  const values = Array.from({ length: 40 }, () => [
    svnr(random),
    nir(random),
    dni(random),
    nie(random),
  ]).flat();
  // NIRs of people born in Corsica: the department written 2A or 2B.
  const corsican = Array.from({ length: 40 }, () => nir(random, true));
  // National Insurance numbers with and without their suffix letter, spaced and not.
  const ninos = Array.from({ length: 40 }, () => {
    const pairs = Array.from({ length: 3 }, () => String(random.int(10, 99)));
    return `${random.pick(['AB', 'JG', 'CE', 'QQ', 'ZZ'])} ${pairs.join(' ')}${random.pick(['', ' C', ' D', 'A'])}`;
  });
  const writings = [...values, ...corsican, ...ninos].flatMap((v) => [
    v,
    v.replace(/(\d{2})(\d{6})/, '$1 $2'),
    v.replace(/(\d{2})(?=\d)/g, '$1 '),
    v.replace(/^(\w)(\w{2})(\w{2})(\w{2})(\w{3})(\w{3})/, '$1 $2 $3 $4 $5 $6 '),
    v.toLowerCase(),
  ]);
  const pieces = fc.constantFrom(
    '1',
    '2',
    '0',
    '9',
    ' ',
    '.',
    '-',
    'A',
    'B',
    'a',
    'C',
    'X',
    'z',
    'Q',
    'JG',
    'AB',
  );
  const shaped = fc.oneof(
    fc.constantFrom(...writings),
    fc.array(pieces, { maxLength: 20 }).map((p) => p.join('')),
  );

  it('reads what the unguarded patterns read, at every position', () => {
    fc.assert(
      fc.property(shaped, fc.constantFrom('', ' ', 'x'), (value, tail) => {
        const text = `${value}${tail}`;
        for (let p = 0; p < text.length; p++) {
          expect(findLetterBearingNationalId(text, p)).toEqual(plainLetterBearing(text, p));
          expect(findLetterLedNationalId(text, p)).toEqual(plainLetterLed(text, p));
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('IBAN check digits, taken chunk by chunk, agree with ibantools in every writing', () => {
  const random = createRandom(17);
  const countries = registryCountries();
  const writings = (iban: string): string[] => {
    const print = iban.replace(/(.{4})(?=.)/g, '$1 ');
    return [iban, print, iban.toLowerCase(), print.replace(/ /g, '\u00a0'), print.toLowerCase()];
  };

  it('finds every valid IBAN valid, and a mistyped one as ibantools judges it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...countries), fc.nat(), fc.nat(), (country, at, digit) => {
        const iban = validIban(country, random);
        const k = 4 + (at % (iban.length - 4));
        const mistyped = /\d/.test(iban[k]!)
          ? iban.slice(0, k) + ((Number(iban[k]) + 1 + (digit % 9)) % 10) + iban.slice(k + 1)
          : iban;
        for (const written of writings(iban)) {
          expect(findIbanAt(written, 0)).toEqual({ end: written.length, country, valid: true });
        }
        // As iban.ts reads ISO 13616: a failing national BBAN check digit does not stop masking.
        const expected = validateIBAN(mistyped).errorCodes.every(
          (e) =>
            e === ValidationErrorsIBAN.WrongAccountBankBranchChecksum ||
            e === ValidationErrorsIBAN.QRIBANNotAllowed,
        );
        for (const written of writings(mistyped)) {
          const match = findIbanAt(written, 0);
          if (match !== undefined) {
            expect(match.valid).toBe(expected);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});

/** The seeds' masking rule, written the plain way. */
const plainMask = (value: string, type: 'email' | 'card'): string => {
  if (type === 'email') {
    const at = value.lastIndexOf('@');
    return at === 1 ? `*${value.slice(1)}` : value[0] + '*'.repeat(Math.max(0, at - 1)) + value.slice(at);
  }
  let fourth = value.length;
  let seen = 0;
  for (let i = value.length - 1; i >= 0 && seen < 4; i--) {
    if (/\p{Nd}/u.test(value[i]!)) {
      seen++;
      fourth = i;
    }
  }
  return seen < 4
    ? '*'.repeat(value.length)
    : '*'.repeat(fourth) + value.slice(fourth).replace(/[A-Za-z]/g, '*');
};

describe('maskValue cuts the masked form from the value', () => {
  it('gives the plain rule for numbers with letters and separators, and for addresses', () => {
    const numberish = fc
      .array(fc.constantFrom('1', '7', '٤', '४', '３', ' ', '-', '.', 'A', 'z', 'Q', '+', '('), {
        maxLength: 30,
      })
      .map((p) => p.join(''));
    const address = fc
      .tuple(fc.stringMatching(/^[a-z0-9._+-]{1,12}$/), fc.constantFrom('x.se', 'gmail.com', 'müller.de'))
      .map(([local, domain]) => `${local}@${domain}`);
    fc.assert(
      fc.property(numberish, address, (n, a) => {
        expect(maskValue({ value: n, type: 'card' })).toBe(plainMask(n, 'card'));
        expect(maskValue({ value: a, type: 'email' })).toBe(plainMask(a, 'email'));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the reference check told the last @', () => {
  it('answers as when it searches the window itself', () => {
    const piece = fc.constantFrom(
      'order ',
      'tel ',
      'Bestellnummer ',
      '@',
      'x@y.se ',
      'jan ',
      ' ',
      '#',
      ':',
      '12',
      'é',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = `${pieces.join('')}0701234567`;
        const start = text.length - 10;
        expect(isReferenceContext(text, start, text.lastIndexOf('@', start - 1))).toBe(
          isReferenceContext(text, start),
        );
      }),
      { numRuns: 2000 },
    );
  });
});

describe('digits of other scripts folded through one table', () => {
  it('maps each code unit as the digit blocks and fullwidth punctuation say, and nothing else', () => {
    const FOLDED: Record<string, string> = {
      '＋': '+',
      '（': '(',
      '）': ')',
      '－': '-',
      '．': '.',
      '／': '/',
      '−': '-',
    };
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 40 }),
          fc
            .array(
              fc.constantFrom(
                '٤',
                '۷',
                '४',
                '৩',
                '３',
                '＋',
                '（',
                '－',
                '−',
                '7',
                'a',
                ' ',
                '\u0660',
                '\uff19',
              ),
              { maxLength: 20 },
            )
            .map((p) => p.join('')),
        ),
        (text) => {
          const plain = Array.from({ length: text.length }, (_, i) => {
            const c = text.charCodeAt(i);
            const d = digitValue(c);
            return c >= 0x660 && d >= 0 ? String(d) : c >= 0x660 ? (FOLDED[text[i]!] ?? text[i]) : text[i];
          }).join('');
          expect(foldDigits(text)).toBe(plain);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('currency words asked only of words shaped like one', () => {
  const CURRENCY =
    /^(?:kr|kr\.|sek|nok|dkk|eur|euro|euros|usd|gbp|chf|pln|czk|huf|ron|jpy|cad|aud|dollars?|pounds?|pesos?|francs?|kronor|kronen|kroner)$/i;
  /** look-alikes.ts's words around a number, read the plain way: up to eight letters (and dots after). */
  const plainWordBefore = (text: string, start: number): string =>
    /([A-Za-z]{0,8})[ \u00a0\u202f\u2009\u2007]*$/.exec(text.slice(0, start))![1]!;
  const plainWordAfter = (text: string, end: number): string =>
    /^[ \u00a0\u202f\u2009\u2007]*([A-Za-z.]{0,8})/.exec(text.slice(end))![1]!;

  it('finds a price wherever the plain pattern finds its word', () => {
    const word = fc.constantFrom(
      'kr',
      'KR.',
      'Sek',
      'euros',
      'Dollars',
      'peso',
      'kronen',
      'auD',
      'au',
      'kro',
      'pesoss',
      'x',
      'EUR.',
    );
    fc.assert(
      fc.property(word, fc.boolean(), (w, before) => {
        const text = before ? `${w} 1 299` : `1 299 ${w}`;
        const start = before ? w.length + 1 : 0;
        const plain =
          CURRENCY.test(plainWordBefore(text, start)) || CURRENCY.test(plainWordAfter(text, start + 5));
        expect(looksLikePrice(text, start, start + 5)).toBe(plain);
      }),
      { numRuns: 500 },
    );
  });
});

/**
 * findIbanAt as it read IBANs before its compiled patterns (issue 16): a loop over the characters,
 * the BBAN gathered, upper-cased and tested with ibantools' own pattern, mod 97 on BigInt.
 */
const plainFindIbanAt = (text: string, p: number) => {
  const country = text.slice(p, p + 2).toUpperCase();
  const spec = countrySpecs[country];
  if (!spec?.chars) {
    return undefined;
  }
  const isSpace = (c: string | undefined) => c !== undefined && ' \u00a0\u202f\u2009\u2007'.includes(c);
  const isAlnum = (c: string | undefined) => c !== undefined && /^[A-Za-z0-9]$/.test(c);
  let q = p + 2;
  if (isSpace(text[q])) {
    q++;
  }
  const from = q;
  if (from > p + 2) {
    const check = Number(text.slice(q, q + 2));
    if (!/^\d\d$/.test(text.slice(q, q + 2)) || check < 2 || check > 98) {
      return undefined;
    }
  }
  let count = 2;
  while (count < spec.chars) {
    if (isAlnum(text[q])) {
      count++;
      q++;
    } else if ((isSpace(text[q]) || text[q] === '-') && count >= 4 && isAlnum(text[q + 1])) {
      q++;
    } else {
      return undefined;
    }
  }
  if (isWord(text[q]) || !/^\d\d$/.test(text.slice(from, from + 2))) {
    return undefined;
  }
  const bban = text
    .slice(from + 2, q)
    .replace(/[^A-Za-z0-9]/g, '')
    .toUpperCase();
  if (spec.bban_regexp && !new RegExp(spec.bban_regexp).test(bban)) {
    return undefined;
  }
  const numeric = `${bban}${country}${text.slice(from, from + 2)}`.replace(/[A-Z]/g, (l) =>
    String(l.charCodeAt(0) - 55),
  );
  return { end: q, country, valid: BigInt(numeric) % 97n === 1n };
};

describe('IBANs read by one compiled pattern per country', () => {
  const random = createRandom(18);
  const countries = registryCountries();
  const spaces = [' ', '\u00a0', '\u202f', '\u2009', '\u2007'];
  const writing = fc
    .record({
      country: fc.constantFrom(...countries),
      // After the letters: nothing, a space of any width, or what is no IBAN's (`-`).
      gap: fc.constantFrom('', '', ...spaces, '-'),
      // Between the other characters: mostly one kind, as people write them, now and then another.
      separator: fc.constantFrom(...spaces, '-', '', '.', '  ', '_'),
      layout: fc.constantFrom('electronic', 'print', 'print', 'random'),
      places: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
      odd: fc.option(fc.tuple(fc.nat(), fc.constantFrom(...spaces, '-', '.', '--')), { nil: undefined }),
      letterCase: fc.constantFrom('upper', 'lower', 'mixed'),
      typo: fc.option(fc.tuple(fc.nat(), fc.constantFrom('0', '7', 'A', 'z', 'é', '')), { nil: undefined }),
      tail: fc.constantFrom('', ' ', '.', 'x', '1', 'é', ';'),
    })
    .map(({ country, gap, separator, layout, places, odd, letterCase, typo, tail }) => {
      const iban = validIban(country, random);
      const cased =
        letterCase === 'lower'
          ? iban.toLowerCase()
          : letterCase === 'mixed'
            ? iban.slice(0, 3) + iban.slice(3).toLowerCase()
            : iban;
      let written = cased.slice(0, 2) + gap;
      for (let k = 2; k < cased.length; k++) {
        const between =
          k > 2 && (layout === 'print' ? k % 4 === 0 : layout === 'random' ? places[k] === true : false);
        written += (between ? (odd !== undefined && odd[0] % 8 === 0 ? odd[1] : separator) : '') + cased[k]!;
      }
      if (typo !== undefined) {
        const k = typo[0] % written.length;
        written = written.slice(0, k) + typo[1] + written.slice(k + 1);
      }
      return `${written}${tail}`;
    });

  it('reads what the character loop read, at every two letters', () => {
    const outcomes = { none: 0, valid: 0, invalid: 0 };
    fc.assert(
      fc.property(writing, fc.constantFrom('', 'IBAN ', 'x ', '='), (value, head) => {
        const text = `${head}${value}`;
        for (let p = 0; p + 1 < text.length; p++) {
          if (/^[A-Za-z]{2}$/.test(text.slice(p, p + 2))) {
            const plain = plainFindIbanAt(text, p);
            expect(findIbanAt(text, p)).toEqual(plain);
            outcomes[plain === undefined ? 'none' : plain.valid ? 'valid' : 'invalid']++;
          }
        }
      }),
      { numRuns: 3000 },
    );
    // The writings reach every outcome (about 200 valid and 280 mistyped IBANs), so a pattern
    // stricter or looser than the loop shows.
    expect(outcomes.valid).toBeGreaterThan(100);
    expect(outcomes.invalid).toBeGreaterThan(100);
  });

  it('reads every valid IBAN of every country in print form, with any separator, in any case', () => {
    for (const country of countries) {
      const iban = validIban(country, random);
      for (const sep of [' ', '\u00a0', '\u202f', '\u2009', '\u2007', '-']) {
        const print = iban.replace(/(.{4})(?=.)/g, `$1${sep}`);
        for (const written of [print, print.toLowerCase()]) {
          expect(findIbanAt(written, 0)).toEqual({ end: written.length, country, valid: true });
        }
      }
    }
  });
});

describe('phone verdicts remembered', () => {
  const regions = ['SE', 'DE', 'US', 'GB', 'FR', 'AR', 'IN', 'CH'] as const;
  // Few digit strings, so the same digits come back under other regions and as international.
  const digits = fc.constantFrom(
    '0701234567',
    '46701234567',
    '4915123456789',
    '030123456',
    '2025550123',
    '12025550123',
    '01711234567',
    '441234567890',
    '0612345678',
    '33612345678',
    '12345678',
    '5491123456789',
    '9876543210',
    '0044207946000',
  );
  it('answer what the plain readings answer, whichever region asked first', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(digits, fc.constantFrom(...regions)), { maxLength: 30 }), (asks) => {
        for (const [d, region] of asks) {
          const plan = nationalPlanOf(region);
          expect(isNationalPhone(d, plan)).toBe(readsAsNationalPhone(d, plan));
          expect(isInternationalPhone(d)).toBe(readsAsInternationalPhone(d));
        }
      }),
      { numRuns: 300 },
    );
  });

  // The bench empties the memo before each pass (forgetPhoneVerdicts): an emptied memo must read
  // exactly as a full one, whenever it is emptied.
  it('answer the same when the memo is emptied between any two asks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(digits, fc.constantFrom(...regions), fc.boolean()), { maxLength: 30 }),
        (asks) => {
          for (const [d, region, forget] of asks) {
            if (forget) {
              forgetPhoneVerdicts();
            }
            const plan = nationalPlanOf(region);
            expect(isNationalPhone(d, plan)).toBe(readsAsNationalPhone(d, plan));
            expect(isInternationalPhone(d)).toBe(readsAsInternationalPhone(d));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('mask a text the same with the memo full and emptied', () => {
    const written = fc.constantFrom(
      'call 070-123 45 67',
      'ring +46 70 123 45 67 now',
      'mein Handy 0151 23456789',
      '(202) 555-0123 or 1-202-555-0123',
      'order 12345678',
      '0044 20 7946 0000',
    );
    fc.assert(
      fc.property(written, fc.constantFrom(...regions), (text, region) => {
        const full = maskSensitiveData({ text, defaultRegion: region });
        expect(maskSensitiveData({ text, defaultRegion: region })).toEqual(full);
        forgetPhoneVerdicts();
        expect(maskSensitiveData({ text, defaultRegion: region })).toEqual(full);
      }),
      { numRuns: 200 },
    );
  });
});

describe('card numbers read where they are written', () => {
  const random = createRandom(19);
  // Card numbers of every brand and length, some with one digit changed, and digit runs.
  const prefixes = [
    '4',
    '51',
    '2221',
    '2720',
    '34',
    '37',
    '6011',
    '644',
    '65',
    '622126',
    '300',
    '36',
    '3528',
    '62',
    '2200',
    '50',
    '56',
    '60',
    '81',
    '353',
    '9792',
    '1',
    '7',
  ];
  const number = fc
    .tuple(fc.constantFrom(...prefixes), fc.integer({ min: 11, max: 21 }), fc.boolean(), fc.nat())
    .map(([prefix, length, typo, at]) => {
      const body = prefix + random.digits(Math.max(0, length - 1 - prefix.length));
      let luhn = 0;
      for (let d = 0; d <= 9 && !passesLuhn(body + d); d++) {
        luhn = d + 1;
      }
      const card = body + (luhn % 10);
      const k = at % card.length;
      return typo ? card.slice(0, k) + ((Number(card[k]) + 1) % 10) + card.slice(k + 1) : card;
    });
  const grouping = fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 6 });

  it('gives what matchCardNumber gives on the gathered digits, for every span of groups', () => {
    fc.assert(
      fc.property(number, grouping, (digits, sizes) => {
        // The digits written in groups of the given sizes, one space between.
        const groups: string[] = [];
        for (let k = 0, g = 0; k < digits.length; g++) {
          const size = sizes[g % sizes.length]!;
          groups.push(digits.slice(k, k + size));
          k += size;
        }
        const text = `card ${groups.join(' ')}.`;
        const token = createNumericToken();
        readNumericToken(text, 5, token);
        for (let from = 0; from < token.count; from++) {
          for (let to = from; to < token.count; to++) {
            expect(matchCardNumberIn(text, token, from, to)).toBe(
              matchCardNumber(spanDigits(text, token, from, to)),
            );
          }
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('international numbers read for their length alone', () => {
  // Every calling code (those of several regions, whose plans differ on some lengths, among them)
  // with national numbers of every length, some beginning as a trunk prefix would.
  const random = createRandom(23);
  const samples: string[] = [];
  for (let code = 1; code <= 999; code++) {
    for (let length = 0; length <= 18; length++) {
      for (const lead of ['', '0', '1', '8', '9']) {
        for (let k = 0; k < 2; k++) {
          samples.push(`${code}${lead}${random.digits(Math.max(0, length - lead.length))}`);
        }
      }
    }
  }
  it('answer what the parse and its possible-length check answer', () => {
    for (const digits of samples) {
      const number = parseInternational(digits);
      expect(isPossibleInternational(digits), digits).toBe(
        number !== undefined && isPossibleNational(number),
      );
    }
  });
  it('answer the same on any digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{0,20}$/), (digits) => {
        const number = parseInternational(digits);
        expect(isPossibleInternational(digits)).toBe(number !== undefined && isPossibleNational(number));
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('a number whose first run of digits the detector has read', () => {
  // Digits, separators of every kind, brackets, `+`, line breaks and letters, in any order.
  const piece = fc.constantFrom(
    '0',
    '12',
    '345',
    '6789',
    ' ',
    '-',
    '.',
    '/',
    '(',
    ')',
    '+',
    '\n',
    '\r\n',
    ' - ',
    '\u00a0',
    '\u2013',
    'a',
    'Z',
    ':',
  );
  it('is read into the same groups when the end of that run is given', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        const text = pieces.join('');
        for (let d = 0; d < text.length; d++) {
          if (!/[0-9]/.test(text[d]!) || /[0-9]/.test(text[d - 1] ?? '')) {
            continue;
          }
          let runEnd = d;
          while (/[0-9]/.test(text[runEnd] ?? '')) {
            runEnd++;
          }
          const plain = createNumericToken();
          const given = createNumericToken();
          readNumericToken(text, d, plain);
          readNumericToken(text, d, given, runEnd);
          expect(given).toEqual(plain);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
