import { luhnCheckDigit, type Random } from './random';

/**
 * Luhn-valid card numbers of every brand the detector knows, with prefixes drawn across each
 * brand's IIN ranges, written contiguous and in the groupings printed on cards.
 */

interface BrandSpec {
  readonly brand: string;
  readonly prefixes: readonly string[];
  readonly lengths: readonly number[];
}

const BRANDS: readonly BrandSpec[] = [
  { brand: 'visa', prefixes: ['4'], lengths: [13, 16, 19] },
  { brand: 'mastercard', prefixes: ['51', '53', '55', '2221', '2500', '2720'], lengths: [16] },
  { brand: 'amex', prefixes: ['34', '37'], lengths: [15] },
  { brand: 'discover', prefixes: ['6011', '644', '649', '65', '622126', '622925'], lengths: [16, 19] },
  { brand: 'diners', prefixes: ['300', '305', '36', '38', '39'], lengths: [14, 16] },
  { brand: 'jcb', prefixes: ['3528', '3550', '3589'], lengths: [16, 19] },
  { brand: 'unionpay', prefixes: ['62', '6212'], lengths: [16, 17, 18, 19] },
  { brand: 'mir', prefixes: ['2200', '2204'], lengths: [16, 19] },
  { brand: 'maestro', prefixes: ['5018', '5020', '5893', '6304', '6759', '6761'], lengths: [13, 16, 19] },
  { brand: 'rupay', prefixes: ['508', '606', '817'], lengths: [16] },
  { brand: 'troy', prefixes: ['9792'], lengths: [16] },
];

export interface CardSample {
  readonly brand: string;
  readonly form: string;
  readonly value: string;
}

const groupBy = (digits: string, sizes: readonly number[], separator: string): string => {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) {
    parts.push(digits.slice(at, at + size));
    at += size;
  }
  if (at < digits.length) {
    parts.push(digits.slice(at));
  }
  return parts.join(separator);
};

const fours = (length: number): number[] => Array.from({ length: Math.floor(length / 4) }, () => 4);

/** A Luhn-valid number of `length` digits starting with `prefix`. */
export const cardNumber = (prefix: string, length: number, random: Random): string => {
  const body = prefix + random.digits(length - prefix.length - 1);
  return body + luhnCheckDigit(body);
};

export const buildCardSamples = (random: Random, perPrefixAndLength = 3): CardSample[] => {
  const samples: CardSample[] = [];
  for (const { brand, prefixes, lengths } of BRANDS) {
    for (const prefix of prefixes) {
      for (const length of lengths) {
        for (let k = 0; k < perPrefixAndLength; k++) {
          const digits = cardNumber(prefix, length, random);
          samples.push({ brand, form: 'contiguous', value: digits });
          samples.push({ brand, form: 'spaced-4', value: groupBy(digits, fours(length), ' ') });
          samples.push({ brand, form: 'dashed-4', value: groupBy(digits, fours(length), '-') });
          if (length === 15) {
            samples.push({ brand, form: 'spaced-4-6-5', value: groupBy(digits, [4, 6, 5], ' ') });
          }
          if (length === 14) {
            samples.push({ brand, form: 'spaced-4-6-4', value: groupBy(digits, [4, 6, 4], ' ') });
          }
        }
      }
    }
  }
  return samples;
};
