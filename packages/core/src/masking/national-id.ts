import { codeAt, isDigitCode, isWordCode } from './char-codes';
import { numberAt, passesLuhn } from './checksums';
import { hasIdentityKeywordNear } from './keywords';
import { groupLength, hasUniformSeparators, type NumericToken } from './numeric-token';
import type { NationalIdKind } from './types';

/**
 * National identity numbers of the seeds' countries (product.md: "national identity numbers of the
 * seeds' countries ... each with its checksum"). A number whose written shape is its own (a dash
 * after the birth date, a letter inside) needs only its check; a bare run of digits also needs an
 * identity keyword nearby (keywords.ts), since any nine digits pass an 11-check one time in eleven.
 */

// ---------------------------------------------------------------------------------------------
// Checks, one per country. Each takes ASCII digits (and letters where the number has them).

/**
 * US Social Security number AAA-GG-SSSS. SSA rules since randomisation (2011): area 001-899 but
 * not 666, group 01-99, serial 0001-9999.
 */
export const isValidSsn = (digits: string): boolean => {
  const area = numberAt(digits, 0, 3);
  return area > 0 && area !== 666 && area < 900 && numberAt(digits, 3, 5) > 0 && numberAt(digits, 5, 9) > 0;
};

const isBirthDate = (month: number, day: number): boolean =>
  month >= 1 && month <= 12 && day >= 1 && day <= 31;

/**
 * Swedish personnummer YYMMDD-NNNC (Skatteverket SKV 704): a birth date (day + 60 for a
 * samordningsnummer), a birth number, and a Luhn check digit over the ten digits. Takes the ten
 * or twelve digits (with century).
 */
export const isValidPersonnummer = (digits: string): boolean => {
  let ten = digits;
  if (digits.length === 12) {
    const century = numberAt(digits, 0, 2);
    if (century < 18 || century > 20) {
      return false;
    }
    ten = digits.slice(2);
  } else if (digits.length !== 10) {
    return false;
  }
  const month = numberAt(ten, 2, 4);
  const day = numberAt(ten, 4, 6);
  return (isBirthDate(month, day) || isBirthDate(month, day - 60)) && passesLuhn(ten);
};

/**
 * Dutch burgerservicenummer: nine digits passing the "elfproef" (Wet algemene bepalingen
 * burgerservicenummer): 9·d1 + 8·d2 + ... + 2·d8 − 1·d9 is a multiple of 11, and not zero.
 */
export const isValidBsn = (digits: string): boolean => {
  if (digits.length !== 9) {
    return false;
  }
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    sum += (9 - i) * (digits.charCodeAt(i) - 48);
  }
  sum -= digits.charCodeAt(8) - 48;
  return sum !== 0 && sum % 11 === 0;
};

/**
 * French NIR (numéro de sécurité sociale, INSEE): sex, year, month, département (2A and 2B for
 * Corsica, counted as 19 and 18 in the key), commune, order, then the key 97 − (NIR mod 97).
 * Months 20, 30-42 and 50-99 are INSEE's codes for an unknown month. Takes 15 characters.
 */
export const isValidNir = (nir: string): boolean => {
  if (nir.length !== 15) {
    return false;
  }
  const sex = nir.charCodeAt(0) - 48;
  if (sex !== 1 && sex !== 2 && sex !== 3 && sex !== 4 && sex !== 7 && sex !== 8) {
    return false;
  }
  const month = numberAt(nir, 3, 5);
  if (!((month >= 1 && month <= 12) || month === 20 || (month >= 30 && month <= 42) || month >= 50)) {
    return false;
  }
  const department = nir.slice(5, 7).toUpperCase();
  let body: number;
  if (department === '2A' || department === '2B') {
    const replaced = `${nir.slice(0, 5)}${department === '2A' ? '19' : '18'}${nir.slice(7, 13)}`;
    body = numberAt(replaced, 0, 13);
  } else {
    body = numberAt(nir, 0, 13);
  }
  return 97 - (body % 97) === numberAt(nir, 13, 15);
};

const SVNR_WEIGHTS = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1];

/**
 * German Versicherungsnummer of the Rentenversicherung (§ 147 SGB VI; VKVV § 2): area number (2),
 * birth date DDMMYY, first letter of the birth name, serial (2), check digit. The letter counts as
 * its two-digit place in the alphabet; digits are weighted 2,1,2,5,7,1,2,1,2,1,2,1, the digit sums
 * of the products added, and the check digit is that sum mod 10. Takes 12 characters.
 */
export const isValidSvnr = (svnr: string): boolean => {
  if (svnr.length !== 12) {
    return false;
  }
  const day = numberAt(svnr, 2, 4);
  const month = numberAt(svnr, 4, 6);
  if (numberAt(svnr, 0, 2) === 0 || !isBirthDate(month, day)) {
    return false;
  }
  const letter = (svnr.charCodeAt(8) | 32) - 96;
  const values = [
    ...Array.from(svnr.slice(0, 8), (c) => c.charCodeAt(0) - 48),
    Math.floor(letter / 10),
    letter % 10,
    svnr.charCodeAt(9) - 48,
    svnr.charCodeAt(10) - 48,
  ];
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    const product = values[i]! * SVNR_WEIGHTS[i]!;
    sum += Math.floor(product / 10) + (product % 10);
  }
  return sum % 10 === svnr.charCodeAt(11) - 48;
};

/**
 * UK National Insurance number prefix (HMRC National Insurance Manual NIM39110): D, F, I, Q, U and
 * V are never used, O not as second letter, and BG, GB, KN, NK, NT, TN and ZZ are not allocated.
 */
export const isValidNinoPrefix = (prefix: string): boolean => {
  const upper = prefix.toUpperCase();
  const first = upper[0]!;
  const second = upper[1]!;
  if ('DFIQUV'.includes(first) || 'DFIQUVO'.includes(second)) {
    return false;
  }
  return !['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'].includes(upper);
};

/** NINO's three pairs of digits from `q`, each after at most one space (`12 34 56`, `123456`). */
const hasNinoDigitsAt = (text: string, q: number): boolean => {
  let r = q;
  for (let pair = 0; pair < 3; pair++) {
    if (text.charCodeAt(r) === 32) {
      r++;
    }
    if (!isDigitCode(text.charCodeAt(r)) || !isDigitCode(text.charCodeAt(r + 1))) {
      return false;
    }
    r += 2;
  }
  return true;
};

/** isValidNinoPrefix of every pair of letters, indexed (first - A) * 26 + (second - A). */
const NINO_PREFIXES = Uint8Array.from({ length: 26 * 26 }, (_, k) =>
  isValidNinoPrefix(String.fromCharCode(65 + Math.floor(k / 26), 65 + (k % 26))) ? 1 : 0,
);

/** Two ASCII letters at `p` that isValidNinoPrefix accepts, read from their codes. */
const hasNinoPrefixAt = (text: string, p: number): boolean => {
  const a = (text.charCodeAt(p) & ~32) - 65;
  const b = (text.charCodeAt(p + 1) & ~32) - 65;
  return a >= 0 && a < 26 && b >= 0 && b < 26 && NINO_PREFIXES[a * 26 + b] === 1;
};

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/**
 * Spanish DNI (eight digits) and NIE (X, Y or Z counted as 0, 1, 2, then seven digits): the letter
 * is the number mod 23 in the Ministerio del Interior's table.
 */
export const dniLetterOf = (number: number): string => DNI_LETTERS[number % 23]!;

// ---------------------------------------------------------------------------------------------
// Numbers written with digits only (and separators), offered by the detector as token spans.

const shapeIs = (token: NumericToken, from: number, to: number, lengths: readonly number[]): boolean => {
  if (to - from + 1 !== lengths.length) {
    return false;
  }
  for (let i = 0; i < lengths.length; i++) {
    if (groupLength(token, from + i) !== lengths[i]) {
      return false;
    }
  }
  return true;
};

const DASH_OR_SPACE = [45, 32];
const DASH = [45];
const SPACE_OR_DOT = [32, 46, 0xa0];
const ANY_SEPARATOR = [32, 45, 46, 0xa0];

/**
 * The identity number that the digits of groups `from..to` (already read into `digits`) are, if
 * any. `start` and `end` bound the span in `text`, for the keyword look-up.
 */
export interface DigitIdMatch {
  readonly kind: NationalIdKind;
  /**
   * False for an SSN written `123 45 6789` with no keyword: the same shape is a phone number in
   * some plans (`372 01 3330` in Tajikistan), so a phone reading of the same digits wins.
   */
  readonly certain: boolean;
}

const CERTAIN = (kind: NationalIdKind): DigitIdMatch => ({ kind, certain: true });

export const matchDigitNationalId = (
  text: string,
  token: NumericToken,
  from: number,
  to: number,
  digits: string,
  start: number,
  end: number,
): DigitIdMatch | undefined => {
  const n = digits.length;
  if (n !== 9 && n !== 10 && n !== 12 && n !== 15) {
    return undefined;
  }
  const groups = to - from + 1;
  if (groups > 1 && !hasUniformSeparators(text, token, from, to, ANY_SEPARATOR)) {
    return undefined;
  }
  if (n === 9) {
    if (shapeIs(token, from, to, [3, 2, 4]) && hasUniformSeparators(text, token, from, to, DASH_OR_SPACE)) {
      if (!isValidSsn(digits)) {
        return undefined;
      }
      const dashed = text.charCodeAt(token.groupEnd[from]!) === 45;
      return { kind: 'us_ssn', certain: dashed || hasIdentityKeywordNear(text, start, end, 'us_ssn') };
    }
    if (isValidBsn(digits) && hasIdentityKeywordNear(text, start, end, 'nl_bsn')) {
      return CERTAIN('nl_bsn');
    }
    if (groups === 1 && isValidSsn(digits) && hasIdentityKeywordNear(text, start, end, 'us_ssn')) {
      return CERTAIN('us_ssn');
    }
    return undefined;
  }
  if (n === 10 || n === 12) {
    if (!isValidPersonnummer(digits)) {
      return undefined;
    }
    const dashed =
      (shapeIs(token, from, to, [6, 4]) || shapeIs(token, from, to, [8, 4])) &&
      hasUniformSeparators(text, token, from, to, DASH);
    return dashed || hasIdentityKeywordNear(text, start, end, 'se_personnummer')
      ? CERTAIN('se_personnummer')
      : undefined;
  }
  if (!isValidNir(digits)) {
    return undefined;
  }
  const printed =
    shapeIs(token, from, to, [1, 2, 2, 2, 3, 3, 2]) &&
    hasUniformSeparators(text, token, from, to, SPACE_OR_DOT);
  return printed || hasIdentityKeywordNear(text, start, end, 'fr_nir') ? CERTAIN('fr_nir') : undefined;
};

// ---------------------------------------------------------------------------------------------
// Numbers with letters: found with sticky patterns at the place the detector points to.

export interface IdMatch {
  readonly kind: NationalIdKind;
  readonly end: number;
}

const NINO = /([A-Za-z]{2}) ?(\d{2}) ?(\d{2}) ?(\d{2})(?: ?([A-Da-d]))?/y;
const NIE = /([XYZxyz])[- ]?(\d{7})[- ]?([A-Za-z])/y;
const DNI = /(\d{8}|\d{2}\.\d{3}\.\d{3})[- ]?([A-Za-z])/y;
const SVNR = /(\d{2}) ?(\d{6}) ?([A-Za-z]) ?(\d{2}) ?(\d)/y;
const NIR_CORSICA = /([1-478]) ?(\d{2}) ?(\d{2}) ?(2[ABab]) ?(\d{3}) ?(\d{3}) ?(\d{2})/y;

const execAt = (pattern: RegExp, text: string, at: number): RegExpExecArray | null => {
  pattern.lastIndex = at;
  const match = pattern.exec(text);
  return match !== null && !isWordCode(codeAt(text, at + match[0].length)) ? match : null;
};

/**
 * An identity number that begins with letters at `p`: a UK National Insurance number
 * (`AB 12 34 56 C`) or a Spanish NIE (`X1234567L`).
 */
export const findLetterLedNationalId = (text: string, p: number): IdMatch | undefined => {
  // The letters decide before any pattern runs: most words before a number (`is`, `al`, `au`) are
  // no allocated NINO prefix, and a NIE begins with X, Y or Z.
  const nino = hasNinoPrefixAt(text, p) && hasNinoDigitsAt(text, p + 2) ? execAt(NINO, text, p) : null;
  if (nino !== null && isValidNinoPrefix(nino[1]!)) {
    const upper =
      nino[1] === nino[1]!.toUpperCase() && nino[5] !== undefined && nino[5] === nino[5].toUpperCase();
    // Without its suffix letter, or typed in lower case, it could be a booking code: ask for a keyword.
    if (upper || hasIdentityKeywordNear(text, p, p + nino[0].length, 'gb_nino')) {
      return { kind: 'gb_nino', end: p + nino[0].length };
    }
  }
  const first = text.charCodeAt(p) | 32;
  const nie = first === 120 || first === 121 || first === 122 ? execAt(NIE, text, p) : null;
  if (nie !== null) {
    const number = numberAt(`${'XYZ'.indexOf(nie[1]!.toUpperCase())}${nie[2]}`, 0, 8);
    if (dniLetterOf(number) === nie[3]!.toUpperCase()) {
      return { kind: 'es_nie', end: p + nie[0].length };
    }
  }
  return undefined;
};

/**
 * An identity number that begins with the digit at `p` and has letters inside or after it: a
 * Spanish DNI (`12345678Z`), a German Versicherungsnummer (`15 070649 C 103`), or a French NIR of
 * a person born in Corsica (`1 85 05 2A 006 084 36`).
 */
export const findLetterBearingNationalId = (text: string, p: number): IdMatch | undefined => {
  // Each pattern runs only where its first digits are written as it needs them: eight digits or
  // `12.` for a DNI, two digits and then six for a Versicherungsnummer, a `2A` or `2B` for a NIR.
  const run = digitRun(text, p);
  const dni = run >= 8 || (run === 2 && text.charCodeAt(p + 2) === 46) ? execAt(DNI, text, p) : null;
  if (dni !== null) {
    const number = numberAt(dni[1]!.replaceAll('.', ''), 0, 8);
    if (dniLetterOf(number) === dni[2]!.toUpperCase()) {
      return { kind: 'es_dni', end: p + dni[0].length };
    }
  }
  const svnr =
    run === 8 || (run === 2 && text.charCodeAt(p + 2) === 32 && digitRun(text, p + 3) >= 6)
      ? execAt(SVNR, text, p)
      : null;
  if (svnr !== null && isValidSvnr(`${svnr[1]}${svnr[2]}${svnr[3]}${svnr[4]}${svnr[5]}`)) {
    return { kind: 'de_svnr', end: p + svnr[0].length };
  }
  const nir = hasCorsicanDepartment(text, p) ? execAt(NIR_CORSICA, text, p) : null;
  if (nir !== null && isValidNir(nir.slice(1).join(''))) {
    return { kind: 'fr_nir', end: p + nir[0].length };
  }
  return undefined;
};

/** How many ASCII digits follow one another from `p`. */
const digitRun = (text: string, p: number): number => {
  let q = p;
  while (q < text.length && isDigitCode(text.charCodeAt(q))) {
    q++;
  }
  return q - p;
};

/**
 * A `2A` or `2B` where NIR_CORSICA reads the department from `p`: its letter comes 6 to 9 code
 * units on (a digit, two pairs and up to three single spaces before the `2`).
 */
const hasCorsicanDepartment = (text: string, p: number): boolean => {
  const end = Math.min(text.length, p + 10);
  for (let q = p + 6; q < end; q++) {
    const c = text.charCodeAt(q) | 32;
    if ((c === 97 || c === 98) && text.charCodeAt(q - 1) === 50) {
      return true;
    }
  }
  return false;
};
