import { codeAt, isDigitCode, isSpaceCode } from './char-codes';

/**
 * A written number: digit groups joined by the separators people type inside phone, card and
 * identity numbers (`+46 70-123 45 67`, `(415) 555-2671`, `4111 1111 1111 1111`, `030 / 1234567`).
 * Detectors look at spans of whole groups, so a value is never cut out of the middle of a group.
 * The arrays are reused from token to token of a text.
 */
export interface NumericToken {
  /** First character: a digit, or the `+` / `(` written before it. */
  start: number;
  /** After the last digit of the last group. */
  end: number;
  /** Written with a leading `+` (international form). */
  plus: boolean;
  count: number;
  readonly groupStart: Int32Array;
  readonly groupEnd: Int32Array;
  /** digitsBefore[i] = number of digits in groups 0..i-1. */
  readonly digitsBefore: Int32Array;
}

/** More groups than any phone, card, IBAN or identity number is written with. */
export const MAX_GROUPS = 24;

/** Typed arrays of fixed size: stores without bounds growth or element-kind checks. */
export const createNumericToken = (): NumericToken => ({
  start: 0,
  end: 0,
  plus: false,
  count: 0,
  groupStart: new Int32Array(MAX_GROUPS + 1),
  groupEnd: new Int32Array(MAX_GROUPS + 1),
  digitsBefore: new Int32Array(MAX_GROUPS + 1),
});

const SEP_NONE = 0;
const SEP_SPACE = 1;
const SEP_DASH = 2;
const SEP_DOT = 3;
const SEP_SLASH = 4;
const SEP_OPEN = 5;
const SEP_CLOSE = 6;

const sepKind = (c: number): number => {
  if (isSpaceCode(c)) {
    return SEP_SPACE;
  }
  switch (c) {
    case 45: // -
    case 0x2010: // hyphen
    case 0x2011: // non-breaking hyphen
    case 0x2012: // figure dash
    case 0x2013: // en dash
    case 0x2212: // minus sign
      return SEP_DASH;

    case 46:
      return SEP_DOT;
    case 47:
      return SEP_SLASH;
    case 40:
      return SEP_OPEN;
    case 41:
      return SEP_CLOSE;
    default:
      return SEP_NONE;
  }
};

/** `\n` and `\r`, which start a line break between groups (breakGroupStart), in ASCII_SEPARATORS only. */
const SEP_BREAK = 7;

/** sepKind of every ASCII code unit, and SEP_BREAK for `\n` and `\r`. */
const ASCII_SEPARATORS = Uint8Array.from({ length: 0x80 }, (_, c) =>
  c === 10 || c === 13 ? SEP_BREAK : sepKind(c),
);

/**
 * If a separator starts at `p` and a digit follows it, the index of that digit; otherwise -1.
 * Accepted: one separator character; `) `, `)-`, `).`, ` (`, `-(`, `)(`; and ` - `, ` / `, `) (`;
 * a line break alone or with a space or `\r` around it (scan-numbers.ts lets only a card span it).
 * Two spaces, `. ` or `, ` end the number: they end sentences and lists, not digit groups.
 */
export const nextGroupStart = (text: string, p: number): number => {
  const first = codeAt(text, p);
  // Most numbers end at a letter, punctuation or the end of the text: one table lookup says so.
  const a = first >= 0 && first < 0x80 ? ASCII_SEPARATORS[first]! : sepKind(first);
  if (a === SEP_NONE) {
    return -1;
  }
  if (a === SEP_BREAK) {
    return breakGroupStart(text, p);
  }
  const second = codeAt(text, p + 1);
  if (isDigitCode(second)) {
    return p + 1;
  }
  if (first === 32 && (second === 10 || second === 13)) {
    return breakGroupStart(text, p);
  }
  const b = sepKind(second);
  if (b === SEP_NONE) {
    return -1;
  }
  const pair =
    (a === SEP_CLOSE && (b === SEP_SPACE || b === SEP_DASH || b === SEP_DOT || b === SEP_OPEN)) ||
    ((a === SEP_SPACE || a === SEP_DASH) && b === SEP_OPEN);
  if (pair && isDigitCode(codeAt(text, p + 2))) {
    return p + 2;
  }
  const c = sepKind(codeAt(text, p + 2));
  const triple =
    (a === SEP_SPACE && (b === SEP_DASH || b === SEP_SLASH) && c === SEP_SPACE) ||
    (a === SEP_CLOSE && b === SEP_SPACE && c === SEP_OPEN);
  if (triple && isDigitCode(codeAt(text, p + 3))) {
    return p + 3;
  }
  return -1;
};

/** `\n`, `\r\n`, ` \n`, `\n ` (at most one space each side) and then a digit: the index of that digit, or -1. */
const breakGroupStart = (text: string, p: number): number => {
  let q = p;
  if (codeAt(text, q) === 32) {
    q++;
  }
  if (codeAt(text, q) === 13) {
    q++;
  }
  if (codeAt(text, q) !== 10) {
    return -1;
  }
  q++;
  if (codeAt(text, q) === 32) {
    q++;
  }
  return isDigitCode(codeAt(text, q)) ? q : -1;
};

/** Whether the separator between group `g` and `g + 1` holds a line break. */
export const breaksAfter = (text: string, token: NumericToken, g: number): boolean => {
  for (let p = token.groupEnd[g]!; p < token.groupStart[g + 1]!; p++) {
    if (text.charCodeAt(p) === 10) {
      return true;
    }
  }
  return false;
};

/**
 * Reads the number whose first digit is at `d` into `token`. A `+` (optionally followed by one
 * space, as the seeds write `+ 1 (123) 456 7890`) or `(` just before the digit belongs to it.
 * `runEnd`, when the caller has already read the run of digits from `d`, is where it ends: the
 * first group is not read again.
 */
export const readNumericToken = (text: string, d: number, token: NumericToken, runEnd = -1): void => {
  let start = d;
  let plus = false;
  const before = codeAt(text, d - 1);
  if (before === 40) {
    start = d - 1;
    if (codeAt(text, d - 2) === 43) {
      start = d - 2;
      plus = true;
    }
  } else if (before === 43) {
    start = d - 1;
    plus = true;
  } else if (before === 32 && codeAt(text, d - 2) === 43 && !isDigitCode(codeAt(text, d - 3))) {
    const third = codeAt(text, d - 3);
    if (third === -1 || isSpaceCode(third) || third === 40 || third === 58) {
      start = d - 2;
      plus = true;
    }
  }
  token.start = start;
  token.plus = plus;
  let p = d;
  let count = 0;
  let digits = 0;
  token.digitsBefore[0] = 0;
  for (;;) {
    token.groupStart[count] = p;
    if (count === 0 && runEnd > d) {
      p = runEnd;
    } else {
      while (isDigitCode(codeAt(text, p))) {
        p++;
      }
    }
    token.groupEnd[count] = p;
    digits += p - token.groupStart[count]!;
    count++;
    token.digitsBefore[count] = digits;
    if (count === MAX_GROUPS) {
      break;
    }
    const next = nextGroupStart(text, p);
    if (next < 0) {
      break;
    }
    p = next;
  }
  token.count = count;
  token.end = token.groupEnd[count - 1]!;
};

/** The digits of groups `from..to` (inclusive). */
export const spanDigits = (text: string, token: NumericToken, from: number, to: number): string => {
  let out = '';
  for (let g = from; g <= to; g++) {
    out += text.slice(token.groupStart[g]!, token.groupEnd[g]!);
  }
  return out;
};

/** Number of digits in groups `from..to` (inclusive). */
export const spanDigitCount = (token: NumericToken, from: number, to: number): number =>
  token.digitsBefore[to + 1]! - token.digitsBefore[from]!;

/** Length of group `g`. */
export const groupLength = (token: NumericToken, g: number): number =>
  token.groupEnd[g]! - token.groupStart[g]!;

/**
 * The separator between group `g` and `g + 1` if it is one single character, else -1 (code unit).
 */
export const singleSeparator = (text: string, token: NumericToken, g: number): number => {
  const from = token.groupEnd[g]!;
  return token.groupStart[g + 1]! - from === 1 ? text.charCodeAt(from) : -1;
};

/**
 * True when every separator between groups `from..to` is the same single character and that
 * character is one of `allowed` (code units). A span of one group passes.
 */
export const hasUniformSeparators = (
  text: string,
  token: NumericToken,
  from: number,
  to: number,
  allowed: readonly number[],
): boolean => {
  if (from === to) {
    return true;
  }
  const first = singleSeparator(text, token, from);
  if (first < 0 || !allowed.includes(first)) {
    return false;
  }
  for (let g = from + 1; g < to; g++) {
    if (singleSeparator(text, token, g) !== first) {
      return false;
    }
  }
  return true;
};
