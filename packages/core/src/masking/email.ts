import {
  codeAt,
  isAsciiAlnumCode,
  isAsciiLetterCode,
  isDigitCode,
  isSpaceCode,
  isWordCode,
} from './char-codes';

/**
 * E-mail addresses, found from their `@`. The local part takes the RFC 5322 `atext` characters
 * people use (letters, digits, `. _ % + - ' ! # $ & ^ ~`) and letters of any script (RFC 6531);
 * `*` is left out on purpose, so a masked address (`m******@gmail.com`) is not found again.
 * The domain is dot-separated labels (RFC 1035 §2.3.1) ending in an alphabetic top-level label.
 */

/** RFC 5321 §4.5.3.1: at most 64 octets of local part and 255 of domain. */
const MAX_LOCAL = 64;
const MAX_DOMAIN = 255;

const isLocalCode = (c: number): boolean => {
  if (c < 0x80) {
    if (isAsciiAlnumCode(c)) {
      return true;
    }
    switch (c) {
      case 46: // .
      case 95: // _
      case 37: // %
      case 43: // +
      case 45: // -
      case 39: // '
      case 33: // !
      case 35: // #
      case 36: // $
      case 38: // &
      case 94: // ^
      case 126: // ~
        return true;
      default:
        return false;
    }
  }
  return c !== 42 && isWordCode(c);
};

const isLabelCode = (c: number): boolean => isAsciiAlnumCode(c) || c === 45 || (c >= 0x80 && isWordCode(c));

const isTailSeparator = (c: number): boolean => c === 46 || c === 45 || c === 43;

/** Whether digits and separators lead back from `p` to a `*`, the mask character. */
const followsMaskedValue = (text: string, p: number): boolean => {
  let q = p - 1;
  while (q >= 0) {
    const c = text.charCodeAt(q);
    if (c === 42) {
      return true;
    }
    if (!(isDigitCode(c) || isTailSeparator(c) || isSpaceCode(c) || c === 40 || c === 41 || c === 47)) {
      return false;
    }
    q--;
  }
  return false;
};

const isLabelAt = (text: string, q: number, to: number): boolean => q < to && isLabelCode(text.charCodeAt(q));

const isTopLevelLabel = (text: string, from: number, to: number): boolean => {
  if (to - from < 2) {
    return false;
  }
  if (to - from > 4 && text.startsWith('xn--', from)) {
    return true;
  }
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!(isAsciiLetterCode(c) || (c >= 0x80 && isWordCode(c)))) {
      return false;
    }
  }
  return true;
};

/**
 * The address around the `@` at `at`, as `[start, end)`, or undefined. It stays within
 * `[from, to)`: the caller keeps it off the values found around it.
 */
export const findEmailAt = (
  text: string,
  at: number,
  from = 0,
  to = text.length,
): readonly [number, number] | undefined => {
  let start = at;
  while (start > from && at - start < MAX_LOCAL && isLocalCode(text.charCodeAt(start - 1))) {
    start--;
  }
  if (isDigitCode(codeAt(text, start)) && followsMaskedValue(text, start)) {
    // `*********7542.jan@x.se`: the digits are the visible tail of a number masked before, not
    // part of the address (the first masking fenced the address off that number; so does this).
    while (start < at && (isDigitCode(text.charCodeAt(start)) || isTailSeparator(text.charCodeAt(start)))) {
      start++;
    }
  }
  while (start < at && text.charCodeAt(start) === 46) {
    start++; // a local part does not begin with a dot (RFC 5322 dot-atom): that dot ended a sentence
  }
  if (start === at) {
    return undefined;
  }
  let end = -1;
  let labels = 0;
  let p = at + 1;
  while (p - at <= MAX_DOMAIN) {
    const labelStart = p;
    while (isLabelAt(text, p, to)) {
      p++;
    }
    if (p === labelStart || text.charCodeAt(labelStart) === 45 || text.charCodeAt(p - 1) === 45) {
      break;
    }
    labels++;
    if (labels >= 2 && isTopLevelLabel(text, labelStart, p)) {
      end = p;
    }
    if (p >= to || text.charCodeAt(p) !== 46 || !isLabelAt(text, p + 1, to)) {
      break;
    }
    p++;
  }
  if (end < 0 || codeAt(text, end) === 64) {
    // `a@b.se@c.se`: the domain would run into the next address; that one is read from its own `@`.
    return undefined;
  }
  return [start, end];
};
