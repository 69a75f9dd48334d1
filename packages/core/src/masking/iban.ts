import { countrySpecs } from 'ibantools';
import { codeAt, isAsciiAlnumCode, isDigitCode, isSpaceCode, isWordCode } from './char-codes';

/**
 * International bank account numbers (ISO 13616-1), electronic (`DE89370400440532013000`) and
 * print form (`DE89 3704 0044 0532 0130 00`, groups of four). The country's length and BBAN
 * structure come from ibantools' country specifications (the SWIFT IBAN registry, plus the
 * countries that use IBAN-like numbers outside it); the check digits are ISO 7064 MOD 97-10.
 *
 * A national BBAN check digit that fails (what ibantools' `validateIBAN` reports as
 * `WrongAccountBankBranchChecksum`) does not stop masking: ISO 13616 makes mod 97 the IBAN's own
 * check, and a value that passes it and has the country's exact structure is an account number
 * someone typed. A test holds this reading equal to `validateIBAN` with that one error tolerated.
 */

interface CountryShape {
  readonly length: number;
  readonly bban: RegExp | undefined;
}

/**
 * A memo of ibantools' country specifications with their BBAN patterns compiled, indexed by the
 * two letters (26 x 26): saved work. Every two-letter word before a digit (`al 612`, `is 4111`)
 * asks, so the lookup reads the letters' codes and builds no string.
 */
const shapes: (CountryShape | null | undefined)[] = [];

const shapeOf = (text: string, p: number): CountryShape | undefined => {
  const index = ((text.charCodeAt(p) | 32) - 97) * 26 + ((text.charCodeAt(p + 1) | 32) - 97);
  let shape = shapes[index];
  if (shape === undefined) {
    const spec = countrySpecs[text.slice(p, p + 2).toUpperCase()];
    // ibantools' checkFormatBBAN tests the BBAN with `new RegExp(bban_regexp)`; so does this.
    shape = spec?.chars
      ? { length: spec.chars, bban: spec.bban_regexp ? new RegExp(spec.bban_regexp) : undefined }
      : null;
    shapes[index] = shape;
  }
  return shape ?? undefined;
};

const isSeparator = (c: number): boolean => isSpaceCode(c) || c === 45;

/**
 * ISO 7064 MOD 97-10 (ISO 13616-1 §7.2) carried on over `chars`, upper-case letters and digits:
 * letters count as 10-35. Computed on code units, without building the digit string.
 */
const mod97Of = (chars: string, start: number): number => {
  // Digits are gathered into a chunk of up to nine and the remainder taken once per chunk:
  // remainder * scale + chunk stays far below 2^53, so the arithmetic is exact.
  let remainder = start;
  let chunk = 0;
  let scale = 1;
  for (let k = 0; k < chars.length; k++) {
    const c = chars.charCodeAt(k);
    if (c <= 57) {
      chunk = chunk * 10 + (c - 48);
      scale *= 10;
    } else {
      chunk = chunk * 100 + (c - 55);
      scale *= 100;
    }
    if (scale >= 10_000_000) {
      remainder = (remainder * scale + chunk) % 97;
      chunk = 0;
      scale = 1;
    }
  }
  return (remainder * scale + chunk) % 97;
};

/** The BBAN written in `[from, to)`, separators left out and letters in upper case. */
const bbanOf = (text: string, from: number, to: number): string => {
  let out = '';
  let piece = from;
  let lower = false;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (!isAsciiAlnumCode(c)) {
      out += text.slice(piece, k);
      piece = k + 1;
    } else if (c >= 97) {
      lower = true;
    }
  }
  out = piece === from ? text.slice(from, to) : out + text.slice(piece, to);
  return lower ? out.toUpperCase() : out;
};

export interface IbanMatch {
  readonly end: number;
  readonly country: string;
  /**
   * False when the characters have the country's IBAN length and shape but fail the check: the
   * detector then skips them whole, so a mistyped IBAN is not read as a phone number piece by piece.
   */
  readonly valid: boolean;
}

/**
 * The IBAN whose country code starts at `p`, or undefined when nothing IBAN-shaped starts there.
 * The caller has seen two letters at `p` and a digit after them (directly, or after one space).
 * Print form is read as ISO 13616 writes it: groups of four, separated by single spaces.
 */
export const findIbanAt = (text: string, p: number): IbanMatch | undefined => {
  const shape = shapeOf(text, p);
  if (shape === undefined) {
    return undefined;
  }
  // First find where the characters end, without building anything: most two-letter words
  // followed by digits (`al 612 345 678`) end long before an IBAN would.
  let q = p + 2;
  if (isSpaceCode(codeAt(text, q))) {
    q++;
  }
  const from = q;
  // With a space after the letters (`al 0034 612...`, `is 4111 1111...`) this is most often a
  // word before a number. ISO 13616 check digits are 02 to 98 (ISO 7064 MOD 97-10 never yields
  // 00, 01 or 99), so `al 00...` is no IBAN and needs no further reading. Written without the
  // space, a wrong check is still read whole and skipped (IbanMatch.valid).
  if (from > p + 2) {
    const check = (codeAt(text, q) - 48) * 10 + (codeAt(text, q + 1) - 48);
    if (!isDigitCode(codeAt(text, q)) || !isDigitCode(codeAt(text, q + 1)) || check < 2 || check > 98) {
      return undefined;
    }
  }
  let count = 2;
  while (count < shape.length) {
    const c = codeAt(text, q);
    if (isAsciiAlnumCode(c)) {
      count++;
      q++;
    } else if (isSeparator(c) && count >= 4 && isAsciiAlnumCode(codeAt(text, q + 1))) {
      q++;
    } else {
      return undefined;
    }
  }
  if (isWordCode(codeAt(text, q))) {
    return undefined;
  }
  // The check digits are the two characters after the letters (separators come after four).
  // Not the country's structure (ibantools: WrongBBANFormat, ChecksumNotNumber): no IBAN at all.
  if (!isDigitCode(text.charCodeAt(from)) || !isDigitCode(text.charCodeAt(from + 1))) {
    return undefined;
  }
  const bban = bbanOf(text, from + 2, q);
  if (shape.bban !== undefined && !shape.bban.test(bban)) {
    return undefined;
  }
  // A national BBAN check digit is not asked for (ibantools' WrongAccountBankBranchChecksum is
  // tolerated, see above); the ISO 13616 check decides: BBAN, country letters, check digits.
  let remainder = mod97Of(bban, 0);
  remainder = (remainder * 100 + ((text.charCodeAt(p) & ~32) - 55)) % 97;
  remainder = (remainder * 100 + ((text.charCodeAt(p + 1) & ~32) - 55)) % 97;
  remainder = (remainder * 100 + (text.charCodeAt(from) - 48) * 10 + (text.charCodeAt(from + 1) - 48)) % 97;
  return { end: q, country: text.slice(p, p + 2).toUpperCase(), valid: remainder === 1 };
};
