/** Character tests on UTF-16 code units, so the scanner never allocates per character. */

export const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;

export const isAsciiLetterCode = (c: number): boolean => {
  const lower = c | 32;
  return lower >= 97 && lower <= 122;
};

export const isAsciiAlnumCode = (c: number): boolean => isDigitCode(c) || isAsciiLetterCode(c);

const NON_ASCII_WORD = /[\p{L}\p{N}\p{M}]/u;

/**
 * Letters and digits of any script, `_`, and `*` (the mask character: a number glued to stars is
 * the visible tail of a value already masked, which keeps masking idempotent).
 */
export const isWordCode = (c: number): boolean => {
  if (c < 0x80) {
    return isAsciiAlnumCode(c) || c === 95 || c === 42;
  }
  if (c >= 0xc0 && c <= 0x17f) {
    return c !== 0xd7 && c !== 0xf7; // Latin-1 and Latin Extended-A letters, without a regular expression
  }
  return NON_ASCII_WORD.test(String.fromCharCode(c));
};

/**
 * Space, no-break space, figure space, thin space and narrow no-break space: what people and
 * locales (CLDR uses U+00A0 and U+202F as grouping separators) put between digit groups.
 */
export const isSpaceCode = (c: number): boolean =>
  c === 32 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0x2007;

/**
 * The zero of each block of decimal digits (Unicode general category Nd) in the Basic
 * Multilingual Plane that customers type: Arabic-Indic, Extended Arabic-Indic (Persian, Urdu),
 * N'Ko, the Indic scripts, Thai, Lao, Tibetan, Myanmar, Khmer, Mongolian and the fullwidth forms of
 * East Asian keyboards. Each digit is one UTF-16 code unit, like an ASCII digit, so a text with
 * them folded to ASCII keeps every offset.
 */
const DIGIT_ZEROS = [
  0x0660, 0x06f0, 0x07c0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6, 0x0c66, 0x0ce6, 0x0d66, 0x0de6,
  0x0e50, 0x0ed0, 0x0f20, 0x1040, 0x1090, 0x17e0, 0x1810, 0xff10,
];

/** Where scanning for a value starts: an ASCII digit, `@`, or a digit of another script. */
export const START_PATTERN = new RegExp(
  `[0-9@${DIGIT_ZEROS.map((z) => `\\u${z.toString(16).padStart(4, '0')}-\\u${(z + 9).toString(16).padStart(4, '0')}`).join('')}]`,
  'g',
);

/** The value of every code unit that is a digit of a block in DIGIT_ZEROS, -1 for the others. */
const DIGIT_VALUES = new Int8Array(0x10000).fill(-1);
for (const zero of [48, ...DIGIT_ZEROS]) {
  for (let d = 0; d <= 9; d++) {
    DIGIT_VALUES[zero + d] = d;
  }
}

/** The value 0-9 of a decimal digit of any script in DIGIT_ZEROS, or -1 (also for -1, outside a string). */
export const digitValue = (c: number): number => (c >= 0 ? (DIGIT_VALUES[c] ?? -1) : -1);

/** Fullwidth `+ ( ) - . /` (U+FF0B...U+FF0F) and the minus sign, as East Asian keyboards type them. */
const FOLDED_PUNCTUATION: Record<number, number> = {
  65291: 43, // +
  65288: 40, // (
  65289: 41, // )
  65293: 45, // -
  65294: 46, // .
  65295: 47, // /
  8722: 45, // -
};

/**
 * The text with digits of other scripts and fullwidth separators replaced by their ASCII forms,
 * code unit for code unit: the detector reads this copy and its offsets hold for the original.
 */
export const foldDigits = (text: string): string => {
  // One code unit for one: the codes are gathered and the string made once, not piece by piece.
  const codes: number[] = new Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x660) {
      codes[i] = c;
      continue;
    }
    const d = DIGIT_VALUES[c]!;
    codes[i] = d >= 0 ? 48 + d : (FOLDED_PUNCTUATION[c] ?? c);
  }
  let out = '';
  for (let i = 0; i < codes.length; i += 4096) {
    out += String.fromCharCode.apply(null, codes.slice(i, i + 4096));
  }
  return out;
};

/** Code at `i`, or -1 outside the string: boundary checks need no bounds tests of their own. */
export const codeAt = (text: string, i: number): number =>
  i >= 0 && i < text.length ? text.charCodeAt(i) : -1;

/** The digits of a string, in order. */
export const digitsOf = (text: string): string => {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isDigitCode(c)) {
      out += text[i];
    }
  }
  return out;
};
