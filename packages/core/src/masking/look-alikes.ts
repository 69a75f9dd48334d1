import { codeAt, isAsciiLetterCode, isSpaceCode } from './char-codes';
import { numberAt } from './checksums';
import { groupLength, hasUniformSeparators, type NumericToken, singleSeparator } from './numeric-token';

/**
 * Shapes of numbers that are not phone numbers even when their digits would dial somewhere
 * (product.md: "an order number, a date, a price or a tracking number stays as it was").
 * Checksummed values (cards, IBANs, identity numbers) need none of this; a number read in national
 * form has no checksum, so these shapes are ruled out first.
 */

const DATE_SEPARATORS = [46, 47, 45]; // . / -

const groupValue = (text: string, token: NumericToken, g: number): number =>
  numberAt(text, token.groupStart[g]!, token.groupEnd[g]!);

const isDayMonth = (day: number, month: number): boolean =>
  day >= 1 && day <= 31 && month >= 1 && month <= 12;

/** `12.05.2024`, `5/12/24`, `2024-05-12`: three groups, one separator, a plausible calendar date. */
export const looksLikeDate = (text: string, token: NumericToken, from: number, to: number): boolean => {
  if (to - from !== 2 || !hasUniformSeparators(text, token, from, to, DATE_SEPARATORS)) {
    return false;
  }
  const a = groupLength(token, from);
  const b = groupLength(token, from + 1);
  const c = groupLength(token, to);
  const x = groupValue(text, token, from);
  const y = groupValue(text, token, from + 1);
  const z = groupValue(text, token, to);
  if (a === 4 && b <= 2 && c <= 2) {
    return isDayMonth(z, y);
  }
  if (a <= 2 && b <= 2 && (c === 2 || c === 4)) {
    return isDayMonth(x, y) || isDayMonth(y, x);
  }
  return false;
};

/**
 * A dotted IPv4 address: four groups of at most three digits, each at most 255, no leading zero.
 * Four pairs (`40.61.23.45`) are left to the phone reading: that is how eight-digit numbers are
 * written in Norway, Denmark and much of West Africa, and addresses of four pairs are rare.
 */
export const looksLikeIpAddress = (text: string, token: NumericToken, from: number, to: number): boolean => {
  if (to - from !== 3 || !hasUniformSeparators(text, token, from, to, [46])) {
    return false;
  }
  let pairs = 0;
  for (let g = from; g <= to; g++) {
    const length = groupLength(token, g);
    if (length > 3 || (length > 1 && text.charCodeAt(token.groupStart[g]!) === 48)) {
      return false;
    }
    if (groupValue(text, token, g) > 255) {
      return false;
    }
    if (length === 2) {
      pairs++;
    }
  }
  return pairs < 4;
};

/**
 * A dotted version or build number: three or more groups joined by dots, one of them after the
 * first a single digit (`10.0.19045.3803`, `126.0.6478.127`, `6.10.5 (30440)`). Phone numbers
 * written with dots keep their groups at two digits or more after the first (`06.12.34.56.78`).
 */
export const looksLikeVersion = (text: string, token: NumericToken, from: number, to: number): boolean => {
  for (let g = from; g + 2 <= to; g++) {
    if (
      singleSeparator(text, token, g) === 46 &&
      singleSeparator(text, token, g + 1) === 46 &&
      (groupLength(token, g + 1) === 1 || groupLength(token, g + 2) === 1)
    ) {
      return true;
    }
  }
  return false;
};

/** A US ZIP+4 code after its state (`CA 94105-1234`), which reads as a valid number in some plans. */
export const looksLikeZipCode = (text: string, token: NumericToken, from: number, to: number): boolean => {
  if (
    to !== from + 1 ||
    groupLength(token, from) !== 5 ||
    groupLength(token, to) !== 4 ||
    singleSeparator(text, token, from) !== 45
  ) {
    return false;
  }
  const s = token.groupStart[from]!;
  return (
    codeAt(text, s - 1) === 32 &&
    isUpperCode(codeAt(text, s - 2)) &&
    isUpperCode(codeAt(text, s - 3)) &&
    !isAsciiLetterCode(codeAt(text, s - 4))
  );
};

const isUpperCode = (c: number): boolean => c >= 65 && c <= 90;

const CURRENCY_SYMBOLS = new Set([0x24, 0xa3, 0xa5, 0x20ac, 0x20b9, 0x20bd, 0x20ba, 0x20a9]); // $ £ ¥ € ₹ ₽ ₺ ₩

const CURRENCY_WORD =
  /^(?:kr|kr\.|sek|nok|dkk|eur|euro|euros|usd|gbp|chf|pln|czk|huf|ron|jpy|cad|aud|dollars?|pounds?|pesos?|francs?|kronor|kronen|kroner)$/i;

/** Every spelling CURRENCY_WORD takes, by lower-case first letter and length (`k`, 2 for `kr`). */
const CURRENCY_SHAPES = new Set(
  [
    'kr',
    'kr.',
    'sek',
    'nok',
    'dkk',
    'eur',
    'euro',
    'euros',
    'usd',
    'gbp',
    'chf',
    'pln',
    'czk',
    'huf',
    'ron',
    'jpy',
    'cad',
    'aud',
    'dollar',
    'dollars',
    'pound',
    'pounds',
    'peso',
    'pesos',
    'franc',
    'francs',
    'kronor',
    'kronen',
    'kroner',
  ].map((word) => word.charCodeAt(0) * 16 + word.length),
);

/**
 * CURRENCY_WORD of `text[begin, end)`, asked only of a word whose first letter and length some
 * currency word has: the word is cut out of the text only then.
 */
const isCurrencyWordAt = (text: string, begin: number, end: number): boolean =>
  end - begin > 1 &&
  CURRENCY_SHAPES.has(((text.charCodeAt(begin) | 32) * 16 + (end - begin)) | 0) &&
  CURRENCY_WORD.test(text.slice(begin, end));

/** The currency word test of the word before `p` (up to eight ASCII letters, spaces passed over). */
const currencyWordBefore = (text: string, p: number): boolean => {
  let end = p;
  while (end > 0 && isSpaceCode(text.charCodeAt(end - 1))) {
    end--;
  }
  let begin = end;
  while (begin > 0 && isAsciiLetterCode(text.charCodeAt(begin - 1)) && end - begin < 8) {
    begin--;
  }
  return isCurrencyWordAt(text, begin, end);
};

/** The currency word test of the word after `p` (up to eight ASCII letters and dots, spaces passed over). */
const currencyWordAfter = (text: string, p: number): boolean => {
  let begin = p;
  while (begin < text.length && isSpaceCode(text.charCodeAt(begin))) {
    begin++;
  }
  let end = begin;
  while (
    end < text.length &&
    (isAsciiLetterCode(text.charCodeAt(end)) || text.charCodeAt(end) === 46) &&
    end - begin < 8
  ) {
    end++;
  }
  return isCurrencyWordAt(text, begin, end);
};

const symbolNear = (text: string, p: number, step: number): boolean => {
  let q = p;
  if (isSpaceCode(codeAt(text, q))) {
    q += step;
  }
  return CURRENCY_SYMBOLS.has(codeAt(text, q));
};

/** A price: a currency symbol or code right before or after (`€ 1 299`, `12 995 kr`, `SEK 4 995`). */
export const looksLikePrice = (text: string, start: number, end: number): boolean => {
  if (symbolNear(text, start - 1, -1) || symbolNear(text, end, 1)) {
    return true;
  }
  const after = codeAt(text, end);
  if (after === 44 && (codeAt(text, end + 1) === 45 || codeAt(text, end + 1) === 0x2013)) {
    return true; // `1 299,-` and `1 299,–`: the Scandinavian and German way to write whole prices
  }
  if (after === 58 && codeAt(text, end + 1) === 45) {
    return true; // `1 299:-` (Swedish)
  }
  return currencyWordBefore(text, start) || currencyWordAfter(text, end);
};
