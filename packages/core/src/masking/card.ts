import { numberAt, passesLuhn } from './checksums';
import { groupLength, type NumericToken, spanDigitCount } from './numeric-token';

/**
 * Payment card numbers (PANs): 13 to 19 digits (ISO/IEC 7812-1), an issuer prefix of a known
 * brand with a length that brand issues, and the Luhn check digit. Prefix ranges follow the
 * brands' published IIN tables (as collected in Wikipedia's "Payment card number", 2025).
 */

interface Brand {
  readonly name: string;
  /** [low, high, width]: the first `width` digits, read as a number, lie in [low, high]. */
  readonly ranges: readonly (readonly [number, number, number])[];
  readonly lengths: readonly number[];
}

const SIXTEEN_TO_NINETEEN = [16, 17, 18, 19];

interface BrandSource {
  readonly name: string;
  readonly ranges: readonly (readonly [number, number])[];
  readonly lengths: readonly number[];
}

/** Checked in this order; the first brand whose range and length fit names the card. */
const BRAND_SOURCES: readonly BrandSource[] = [
  { name: 'visa', ranges: [[4, 4]], lengths: [13, 16, 19] },
  {
    name: 'mastercard',
    ranges: [
      [51, 55],
      [2221, 2720],
    ],
    lengths: [16],
  },
  {
    name: 'amex',
    ranges: [
      [34, 34],
      [37, 37],
    ],
    lengths: [15],
  },
  {
    name: 'discover',
    ranges: [
      [6011, 6011],
      [644, 649],
      [65, 65],
      [622126, 622925],
    ],
    lengths: SIXTEEN_TO_NINETEEN,
  },
  {
    name: 'diners',
    ranges: [
      [300, 305],
      [3095, 3095],
      [36, 36],
      [38, 39],
    ],
    lengths: [14, 15, 16, 17, 18, 19],
  },
  { name: 'jcb', ranges: [[3528, 3589]], lengths: SIXTEEN_TO_NINETEEN },
  { name: 'unionpay', ranges: [[62, 62]], lengths: SIXTEEN_TO_NINETEEN },
  { name: 'mir', ranges: [[2200, 2204]], lengths: SIXTEEN_TO_NINETEEN },
  {
    name: 'maestro',
    ranges: [
      [50, 50],
      [56, 69],
    ],
    lengths: [13, 14, 15, 16, 17, 18, 19],
  },
  {
    name: 'rupay',
    ranges: [
      [60, 60],
      [65, 65],
      [81, 82],
      [508, 508],
      [353, 353],
      [356, 356],
    ],
    lengths: [16],
  },
  { name: 'troy', ranges: [[9792, 9792]], lengths: [16] },
];

const digitCount = (n: number): number => String(n).length;

const BRANDS: readonly Brand[] = BRAND_SOURCES.map((brand) => ({
  ...brand,
  ranges: brand.ranges.map(([low, high]) => [low, high, digitCount(low)] as const),
}));

/** The brands that can begin with each first digit, in BRANDS order: most digits rule out most brands. */
const BRANDS_BY_FIRST_DIGIT: readonly (readonly Brand[])[] = Array.from({ length: 10 }, (_, d) =>
  BRANDS.filter((brand) =>
    brand.ranges.some(
      ([low, high, width]) => firstDigitOf(low, width) <= d && d <= firstDigitOf(high, width),
    ),
  ),
);

function firstDigitOf(n: number, width: number): number {
  return Math.floor(n / 10 ** (width - 1));
}

/** The brand whose issuer prefix and length fit `digits`, or undefined. */
export const cardBrandOf = (digits: string): string | undefined => {
  for (const brand of BRANDS_BY_FIRST_DIGIT[digits.charCodeAt(0) - 48] ?? []) {
    if (!brand.lengths.includes(digits.length)) {
      continue;
    }
    for (const [low, high, width] of brand.ranges) {
      const prefix = numberAt(digits, 0, width);
      if (prefix >= low && prefix <= high) {
        return brand.name;
      }
    }
  }
  return undefined;
};

/** The card brand if `digits` is a card number (prefix, length and Luhn), else undefined. */
export const matchCardNumber = (digits: string): string | undefined => {
  if (digits.length < 13 || digits.length > 19) {
    return undefined;
  }
  const brand = cardBrandOf(digits);
  return brand !== undefined && passesLuhn(digits) ? brand : undefined;
};

/** A Luhn-doubled digit with its digits summed (ISO/IEC 7812-1 annex B): 2·d, less 9 above 9. */
const DOUBLED = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9];
const POWERS_OF_TEN = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];
/** No brand's issuer range has more digits. */
const PREFIX_DIGITS = 6;

/** The brand whose range holds the issuer prefix (the first six digits, as a number) and whose lengths hold `length`. */
const brandOfPrefix = (prefix: number, length: number): string | undefined => {
  const first = Math.floor(prefix / POWERS_OF_TEN[PREFIX_DIGITS - 1]!);
  for (const brand of BRANDS_BY_FIRST_DIGIT[first]!) {
    if (!brand.lengths.includes(length)) {
      continue;
    }
    for (const [low, high, width] of brand.ranges) {
      const head = Math.floor(prefix / POWERS_OF_TEN[PREFIX_DIGITS - width]!);
      if (head >= low && head <= high) {
        return brand.name;
      }
    }
  }
  return undefined;
};

/**
 * matchCardNumber of the digits of groups `from..to` of `token`, read where they are written:
 * the prefix and the Luhn sum are taken in one pass over the groups, so no digit string is built
 * (a card is most often the longest span of its token, and the first reading asked of it).
 */
export const matchCardNumberIn = (
  text: string,
  token: NumericToken,
  from: number,
  to: number,
): string | undefined => {
  const length = spanDigitCount(token, from, to);
  if (length < 13 || length > 19) {
    return undefined;
  }
  // No brand begins with 0, 1 or 7 (`0046...`, `0033...`: numbers dialled abroad): no Luhn sum.
  if (BRANDS_BY_FIRST_DIGIT[text.charCodeAt(token.groupStart[from]!) - 48]!.length === 0) {
    return undefined;
  }
  let prefix = 0;
  let sum = 0;
  // Counted from the right, from 0, the digits at odd places are doubled.
  let place = length - 1;
  for (let g = from; g <= to; g++) {
    const end = token.groupEnd[g]!;
    for (let p = token.groupStart[g]!; p < end; p++, place--) {
      const d = text.charCodeAt(p) - 48;
      if (place >= length - PREFIX_DIGITS) {
        prefix = prefix * 10 + d;
      }
      sum += (place & 1) === 1 ? DOUBLED[d]! : d;
    }
  }
  const brand = brandOfPrefix(prefix, length);
  return brand !== undefined && sum % 10 === 0 ? brand : undefined;
};

/**
 * How card numbers are printed and typed: all at once, in groups of four (the last group may be
 * shorter: 13, 15, 17 to 19 digits), or 4-6-5 (American Express) and 4-6-4 (Diners Club).
 */
export const isCardGrouping = (token: NumericToken, from: number, to: number): boolean => {
  const n = to - from + 1;
  if (n === 1) {
    return true;
  }
  if (n === 3 && groupLength(token, from) === 4 && groupLength(token, from + 1) === 6) {
    const last = groupLength(token, to);
    return last === 5 || last === 4;
  }
  for (let g = from; g < to; g++) {
    if (groupLength(token, g) !== 4) {
      return false;
    }
  }
  const last = groupLength(token, to);
  return last >= 1 && last <= 4;
};
