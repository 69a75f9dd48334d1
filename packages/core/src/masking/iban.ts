import { countrySpecs } from 'ibantools';
import {
  codeAt,
  isAsciiAlnumCode,
  isAsciiLetterCode,
  isDigitCode,
  isSpaceCode,
  isWordCode,
} from './char-codes';

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
  /** The country code in upper case, as findings report it. */
  readonly country: string;
  /**
   * The IBAN after its two letters, read in one sticky pattern from the code unit after them: an
   * optional space, the two check digits, then the BBAN's characters, each after at most one
   * separator, in the country's structure when ibantools gives it as runs of `[0-9]`, `[A-Z]`,
   * `[A-Z0-9]` (every country today): the regular-expression engine reads the characters several
   * times as fast as a loop over `charCodeAt`, and most words before a number fail it within a few.
   */
  readonly reading: RegExp;
  /** The BBAN pattern to test on the BBAN's characters when `reading` could not hold it, else undefined. */
  readonly bban: RegExp | undefined;
}

/** What iban.ts reads as a space after the letters (isSpaceCode) and between characters (also `-`). */
const SPACE = '[ \\u00a0\\u202f\\u2009\\u2007]';
const SEPARATOR = '[- \\u00a0\\u202f\\u2009\\u2007]';

/** ibantools' BBAN classes, in the case-blind form bbanOf's upper-casing amounts to. */
const BBAN_CLASSES: Record<string, string> = {
  '0-9': '[0-9]',
  'A-Z': '[A-Za-z]',
  'A-Z0-9': '[A-Za-z0-9]',
  '0-9A-Z': '[A-Za-z0-9]',
};

/**
 * The BBAN runs of an ibantools pattern (`^[0-9]{10}[A-Z0-9]{11}[0-9]{2}$`) as separator-tolerant
 * pattern text, or undefined when the pattern is of another form or another length. Anchors may
 * be missing (`^[0-9]{25}`): the BBAN tested always has the runs' whole length, so they change nothing.
 */
const bbanReadingOf = (pattern: string, length: number): string | undefined => {
  const runs = /^\^?((?:\[[-0-9A-Z]+\]\{\d+\})+)\$?$/.exec(pattern);
  if (runs === null) {
    return undefined;
  }
  let out = '';
  let total = 0;
  for (const [, range, count] of runs[1]!.matchAll(/\[([-0-9A-Z]+)\]\{(\d+)\}/g)) {
    const cls = BBAN_CLASSES[range!];
    if (cls === undefined) {
      return undefined;
    }
    out += `(?:${SEPARATOR}?${cls}){${count}}`;
    total += Number(count);
  }
  return total === length ? out : undefined;
};

const compileShape = (country: string, length: number, bbanPattern: string | undefined): CountryShape => {
  const structured = bbanPattern === undefined ? undefined : bbanReadingOf(bbanPattern, length - 4);
  const bban = structured ?? `(?:${SEPARATOR}?[A-Za-z0-9]){${length - 4}}`;
  return {
    country,
    reading: new RegExp(`${SPACE}?[0-9]{2}${bban}`, 'y'),
    // ibantools' checkFormatBBAN tests the BBAN with `new RegExp(bban_regexp)`; so does this, where needed.
    bban: structured === undefined && bbanPattern ? new RegExp(bbanPattern) : undefined,
  };
};

/**
 * A memo of ibantools' country specifications with their patterns compiled, indexed by the
 * two letters (26 x 26): saved work. Every two-letter word before a digit (`al 612`, `is 4111`)
 * asks, so the lookup reads the letters' codes and builds no string.
 */
const shapes: (CountryShape | null | undefined)[] = [];

const shapeOf = (text: string, p: number): CountryShape | undefined => {
  const index = ((text.charCodeAt(p) | 32) - 97) * 26 + ((text.charCodeAt(p + 1) | 32) - 97);
  let shape = shapes[index];
  if (shape === undefined) {
    const country = text.slice(p, p + 2).toUpperCase();
    const spec = countrySpecs[country];
    shape = spec?.chars ? compileShape(country, spec.chars, spec.bban_regexp) : null;
    shapes[index] = shape;
  }
  return shape ?? undefined;
};

/**
 * ISO 7064 MOD 97-10 (ISO 13616-1 §7.2) over the letters and digits of `text[from, to)` as
 * written, separators passed over and letters in either case counting as 10-35: computed on code
 * units, without building the BBAN.
 */
const mod97Between = (text: string, from: number, to: number): number => {
  // Digits are gathered into a chunk of up to seven and the remainder taken once per chunk:
  // remainder * scale + chunk stays below 97 * 10^7 + 10^7 < 2^31, so the arithmetic is exact in
  // 32-bit integers, whose remainder by a constant the compiler turns into multiplications (a
  // remainder of doubles is a call into the C library).
  let remainder = 0;
  let chunk = 0;
  let scale = 1;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c >= 48 && c <= 57) {
      chunk = chunk * 10 + (c - 48);
      scale *= 10;
    } else if (isAsciiLetterCode(c)) {
      chunk = chunk * 100 + ((c & ~32) - 55);
      scale *= 100;
    } else {
      continue; // a separator
    }
    if (scale >= 1_000_000) {
      remainder = ((remainder * scale + chunk) | 0) % 97;
      chunk = 0;
      scale = 1;
    }
  }
  return ((remainder * scale + chunk) | 0) % 97;
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
  const from = isSpaceCode(codeAt(text, p + 2)) ? p + 3 : p + 2;
  // With a space after the letters (`al 0034 612...`, `is 4111 1111...`) this is most often a
  // word before a number. ISO 13616 check digits are 02 to 98 (ISO 7064 MOD 97-10 never yields
  // 00, 01 or 99), so `al 00...` is no IBAN and needs no further reading. Written without the
  // space, a wrong check is still read whole and skipped (IbanMatch.valid).
  if (from > p + 2) {
    const check = (codeAt(text, from) - 48) * 10 + (codeAt(text, from + 1) - 48);
    if (!isDigitCode(codeAt(text, from)) || !isDigitCode(codeAt(text, from + 1)) || check < 2 || check > 98) {
      return undefined;
    }
  }
  // The check digits and the country's structure (ibantools: WrongBBANFormat, ChecksumNotNumber),
  // each character after at most one separator: otherwise no IBAN at all.
  const reading = shape.reading;
  reading.lastIndex = p + 2;
  if (!reading.test(text)) {
    return undefined;
  }
  const end = reading.lastIndex;
  if (
    isWordCode(codeAt(text, end)) ||
    (shape.bban !== undefined && !shape.bban.test(bbanOf(text, from + 2, end)))
  ) {
    return undefined;
  }
  // A national BBAN check digit is not asked for (ibantools' WrongAccountBankBranchChecksum is
  // tolerated, see above); the ISO 13616 check decides: BBAN, country letters, check digits.
  let remainder = mod97Between(text, from + 2, end);
  remainder = (remainder * 100 + ((text.charCodeAt(p) & ~32) - 55)) % 97;
  remainder = (remainder * 100 + ((text.charCodeAt(p + 1) & ~32) - 55)) % 97;
  remainder = (remainder * 100 + (text.charCodeAt(from) - 48) * 10 + (text.charCodeAt(from + 1) - 48)) % 97;
  return { end, country: shape.country, valid: remainder === 1 };
};
