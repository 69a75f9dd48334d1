import { isCardGrouping, matchCardNumberIn } from './card';
import { codeAt, isAsciiLetterCode, isDigitCode, isSpaceCode, isWordCode } from './char-codes';
import { findIbanAt } from './iban';
import { isReferenceContext } from './keywords';
import {
  looksLikeDate,
  looksLikeIpAddress,
  looksLikePrice,
  looksLikeVersion,
  looksLikeZipCode,
} from './look-alikes';
import { findLetterBearingNationalId, findLetterLedNationalId, matchDigitNationalId } from './national-id';
import {
  breaksAfter,
  createNumericToken,
  groupLength,
  hasUniformSeparators,
  type NumericToken,
  readNumericToken,
  singleSeparator,
  spanDigitCount,
  spanDigits,
} from './numeric-token';
import { isInternationalPhone, isNationalPhone, type NationalPlan, type RegionReading } from './phone';
import type { Finding } from './types';

/**
 * Everything that starts with a digit: phone numbers, cards, IBANs and identity numbers. The
 * detector calls `scanNumberAt` at the first digit of each run; it returns where scanning resumes.
 *
 * Order of questions, cheapest and most specific first:
 * 1. letters just before the digits: an IBAN (`DE89 3704...`), a National Insurance number, a NIE;
 * 2. the written number (numeric-token.ts); glued into a word (`A1234`, `v2.3`, `x@1.se`) it is
 *    no value of ours;
 * 3. letters inside or after it: a DNI, a Versicherungsnummer, a Corsican NIR;
 * 4. spans of whole digit groups, longest first, from the first group: identity number, card,
 *    phone. A match may be followed by another in the same token (`4111 1111 1111 1111 12/27`:
 *    the card, then the expiry date that matches nothing); a span never starts mid-token, so a
 *    22-digit tracking number is not searched for a phone number hidden inside it.
 *
 * The state is one plain object and the steps are module functions, not closures: the server runs
 * this on every message, and a closure per step per message is measurable garbage.
 */

/**
 * What people put between the groups of a card number: spaces of every width, dashes, dots and
 * slashes. Each is accepted only when the same one joins every group (a line break aside).
 */
const CARD_SEPARATORS = [
  32, 45, 46, 47, 0xa0, 0x2007, 0x2009, 0x202f, 0x2010, 0x2011, 0x2012, 0x2013, 0x2212,
];

/** No identity number, card or phone number has more digits. */
const MAX_SPAN_DIGITS = 19;

const UNKNOWN = 0;
const YES = 1;
const NO = 2;

export interface NumberScan {
  text: string;
  found: Finding[];
  plan: NationalPlan | undefined;
  /** The fewest digits any detector can use. */
  minDigits: number;
  readonly token: NumericToken;
  /** Whether the words before the current token name a reference (UNKNOWN, YES, NO). */
  reference: number;
  /**
   * Whether the current token is a value in `key=value` form (`card=4111...;`, `?tel=+46...`):
   * read as a checksummed value or an international number, never as a national phone number,
   * which in a query string is far more often an id.
   */
  keyValue: boolean;
  /**
   * The last `@` before the current number, or -1: the detector meets every `@` on its way
   * (detect-sensitive-data.ts) and sets this before each number, so the reference check need not
   * search the window for one.
   */
  lastAt: number;
}

/**
 * The one scan state, reused from message to message: detection is synchronous and a scan is
 * never resumed once another has begun (detect-sensitive-data.ts abandons its scan when it starts
 * over on folded digits), so the object and its token arrays need not be garbage per message.
 */
let shared: NumberScan | undefined;

export const createNumberScan = (text: string, reading: RegionReading, found: Finding[]): NumberScan => {
  if (shared === undefined) {
    shared = {
      text,
      found,
      plan: reading.plan,
      minDigits: reading.minDigits,
      token: createNumericToken(),
      reference: UNKNOWN,
      keyValue: false,
      lastAt: -1,
    };
    return shared;
  }
  shared.text = text;
  shared.found = found;
  shared.plan = reading.plan;
  shared.minDigits = reading.minDigits;
  shared.reference = UNKNOWN;
  shared.keyValue = false;
  shared.lastAt = -1;
  return shared;
};

const push = (scan: NumberScan, type: Finding['type'], kind: string, start: number, end: number): void => {
  scan.found.push({ type, kind, start, end });
};

/** IBAN, National Insurance number or NIE whose letters stand just before the digits at `d`. */
const scanLetterLed = (scan: NumberScan, d: number): number => {
  const text = scan.text;
  const b1 = codeAt(text, d - 1);
  let p = -1;
  if (isAsciiLetterCode(b1) && isAsciiLetterCode(codeAt(text, d - 2)) && !isWordCode(codeAt(text, d - 3))) {
    p = d - 2;
  } else if (
    b1 === 32 &&
    isAsciiLetterCode(codeAt(text, d - 2)) &&
    isAsciiLetterCode(codeAt(text, d - 3)) &&
    !isWordCode(codeAt(text, d - 4))
  ) {
    p = d - 3;
  }
  if (p >= 0) {
    const iban = findIbanAt(text, p);
    if (iban !== undefined) {
      if (iban.valid) {
        push(scan, 'iban', iban.country, p, iban.end);
      }
      return iban.end; // a mistyped IBAN is skipped whole, not read as a phone number piece by piece
    }
  } else if (isAsciiLetterCode(b1) && !isWordCode(codeAt(text, d - 2))) {
    p = d - 1;
  } else if (
    (b1 === 32 || b1 === 45) &&
    isAsciiLetterCode(codeAt(text, d - 2)) &&
    !isWordCode(codeAt(text, d - 3))
  ) {
    p = d - 2;
  }
  if (p >= 0) {
    const id = findLetterLedNationalId(text, p);
    if (id !== undefined) {
      push(scan, 'national_id', id.kind, p, id.end);
      return id.end;
    }
  }
  return -1;
};

const FREE = 0;
const GLUED = 1;
const KEY_VALUE = 2;

/**
 * GLUED to a word, an address, a path, a percentage, a decimal, or `SKU-12345678`: no value of
 * ours. KEY_VALUE after `=` (form dumps, query strings, logs): a value, but not every reading.
 */
const glueBefore = (text: string, s: number): number => {
  const c = codeAt(text, s - 1);
  if (c === -1) {
    return FREE;
  }
  if (c === 61) {
    return KEY_VALUE;
  }
  if (isWordCode(c) || c === 64 || c === 47 || c === 92 || c === 38 || c === 37) {
    return GLUED;
  }
  const b = codeAt(text, s - 2);
  if (isDigitCode(b)) {
    return GLUED; // `1.5`, `12,5`, `12:30`, or the rest of a number too long to be one token
  }
  return c === 45 && isWordCode(b) ? GLUED : FREE;
};

/** A word, an address, a percentage, a decimal (`1.299,00`) or a time (`12:30`) goes on. */
const isGluedAfter = (text: string, e: number): boolean => {
  const c = codeAt(text, e);
  if (isWordCode(c) || c === 64 || c === 37) {
    return true;
  }
  return (c === 44 || c === 46 || c === 58 || c === 45 || c === 47) && isDigitCode(codeAt(text, e + 1));
};

const isLetterAfter = (text: string, e: number): boolean => {
  const c = codeAt(text, e);
  return isAsciiLetterCode(c) || ((isSpaceCode(c) || c === 45) && isAsciiLetterCode(codeAt(text, e + 1)));
};

/** The index after the word that continues at `p`. */
export const skipWord = (text: string, p: number): number => {
  let q = p;
  while (q < text.length && isWordCode(text.charCodeAt(q))) {
    q++;
  }
  return q;
};

/**
 * The digits after `+` or `00` of groups `0..to`, given those groups' digits (`spanned`).
 * `+49 (0)30 1234567`: the bracketed trunk zero
 * is not dialled from abroad (ITU-T E.123 §2.5.2 advises against writing it; people do).
 */
const internationalDigits = (scan: NumberScan, to: number, spanned: string): string => {
  const { text, token } = scan;
  let digits = spanned;
  if (
    to >= 2 &&
    groupLength(token, 1) === 1 &&
    text.charCodeAt(token.groupStart[1]!) === 48 &&
    codeAt(text, token.groupStart[1]! - 1) === 40 &&
    codeAt(text, token.groupEnd[1]!) === 41
  ) {
    digits = digits.slice(0, groupLength(token, 0)) + digits.slice(groupLength(token, 0) + 1);
  }
  return token.plus ? digits : digits.slice(2);
};

/**
 * Where a phone number spanning groups `from..to` begins: its `+` belongs to it, and a `(` when
 * that bracket closes inside the number (`(415) 555-2671`), not when it encloses it
 * (`(0701234567)`).
 */
const phoneStart = (scan: NumberScan, from: number, to: number): number => {
  const { text, token } = scan;
  if (from === 0 && token.plus) {
    return token.start;
  }
  const g = token.groupStart[from]!;
  if (codeAt(text, g - 1) !== 40) {
    return g;
  }
  const end = token.groupEnd[to]!;
  for (let p = g; p < end; p++) {
    const c = text.charCodeAt(p);
    if (c === 41) {
      return g - 1;
    }
    if (c === 40) {
      return g;
    }
  }
  return g;
};

/** One separator of CARD_SEPARATORS between all groups `from..to`; one line break may stand for any of them. */
const hasCardSeparators = (text: string, token: NumericToken, from: number, to: number): boolean => {
  let separator = -1;
  let breaks = 0;
  for (let g = from; g < to; g++) {
    if (breaksAfter(text, token, g)) {
      breaks++;
      continue;
    }
    const c = singleSeparator(text, token, g);
    if (c < 0 || (separator >= 0 && c !== separator) || !CARD_SEPARATORS.includes(c)) {
      return false;
    }
    separator = c;
  }
  return breaks <= 1;
};

/** The first group at or after `from` that a line break ends, or the last group. */
const lineEndGroup = (text: string, token: NumericToken, from: number, count: number): number => {
  let g = from;
  while (g < count - 1 && !breaksAfter(text, token, g)) {
    g++;
  }
  return g;
};

const cardBrand = (scan: NumberScan, from: number, to: number): string | undefined => {
  const { text, token } = scan;
  if (!hasCardSeparators(text, token, from, to)) {
    return undefined;
  }
  return isCardGrouping(token, from, to) ? matchCardNumberIn(text, token, from, to) : undefined;
};

const isReference = (scan: NumberScan): boolean => {
  if (scan.reference === UNKNOWN) {
    scan.reference = isReferenceContext(scan.text, scan.token.start, scan.lastAt) ? YES : NO;
  }
  return scan.reference === YES;
};

/**
 * Whether groups `from..to` read as a date, an IP address, a version or a ZIP code, alone or with
 * the groups joined to them by the same `.`, `/` or `-` (`23.194.30.32` is an address, so
 * `23.194.30` in it is no phone number).
 */
const looksAlike = (scan: NumberScan, from: number, to: number, count: number): boolean => {
  const { text, token } = scan;
  if (hasLookAlikeShape(text, token, from, to)) {
    return true;
  }
  let joiner = from < to ? singleSeparator(text, token, from) : -1;
  if (from < to && !hasUniformSeparators(text, token, from, to, LOOK_ALIKE_JOINERS)) {
    return false;
  }
  let first = from;
  let last = to;
  for (;;) {
    const left = first > 0 ? singleSeparator(text, token, first - 1) : -1;
    if (left >= 0 && LOOK_ALIKE_JOINERS.includes(left) && (joiner < 0 || left === joiner)) {
      joiner = left;
      first--;
      continue;
    }
    const right = last < count - 1 ? singleSeparator(text, token, last) : -1;
    if (right >= 0 && LOOK_ALIKE_JOINERS.includes(right) && (joiner < 0 || right === joiner)) {
      joiner = right;
      last++;
      continue;
    }
    break;
  }
  return (first !== from || last !== to) && hasLookAlikeShape(text, token, first, last);
};

const LOOK_ALIKE_JOINERS = [46, 47, 45]; // . / -

const hasLookAlikeShape = (text: string, token: NumericToken, from: number, to: number): boolean =>
  looksLikeDate(text, token, from, to) ||
  looksLikeIpAddress(text, token, from, to) ||
  looksLikeVersion(text, token, from, to) ||
  looksLikeZipCode(text, token, from, to);

/** What rules out a national phone number without looking at its digits: its shape, the words before it. */
const nationalPhoneRuledOut = (scan: NumberScan, from: number, to: number, count: number): boolean =>
  looksAlike(scan, from, to, count) || isReference(scan);

const isPhone = (
  scan: NumberScan,
  from: number,
  to: number,
  digits: string,
  international: boolean,
  count: number,
  shapeChecked = false,
): boolean => {
  if (international) {
    // `+` says phone number. `00` is also how long references begin (SSCC parcel numbers, order
    // numbers), so there the words before the number are asked too.
    // An international reading spans from the first group (matchFrom), so `digits` are its groups' digits.
    return (
      isInternationalPhone(internationalDigits(scan, to, digits)) && (scan.token.plus || !isReference(scan))
    );
  }
  const plan = scan.plan;
  if (plan === undefined || digits.length < plan.minDigits || digits.length > plan.maxDigits) {
    return false;
  }
  // Cheapest first: the shape of the digits, the words around them, then the numbering plan.
  return (
    (shapeChecked || !looksAlike(scan, from, to, count)) &&
    !isReference(scan) &&
    !looksLikePrice(scan.text, phoneStart(scan, from, to), scan.token.groupEnd[to]!) &&
    isNationalPhone(digits, plan)
  );
};

/** The last group of the longest match starting at group `from`, or -1. */
const matchFrom = (scan: NumberScan, from: number, count: number): number => {
  const { text, token, plan } = scan;
  // A leading `+` makes the whole token a phone number; a leading `00` only offers that reading.
  const plus = from === 0 && token.plus;
  const international =
    plus ||
    (from === 0 &&
      groupLength(token, 0) >= 2 &&
      text.charCodeAt(token.groupStart[0]!) === 48 &&
      text.charCodeAt(token.groupStart[0]! + 1) === 48);
  const national = plan !== undefined && !(from === 0 && scan.keyValue);
  // A card may be broken over two lines; nothing else is read across a line break.
  const lineEnd = lineEndGroup(text, token, from, count);
  for (let to = count - 1; to >= from; to--) {
    const n = spanDigitCount(token, from, to);
    if (n > MAX_SPAN_DIGITS) {
      continue;
    }
    if (n < scan.minDigits) {
      return -1;
    }
    const oneLine = to <= lineEnd;
    const idLength = oneLine && !plus && (n === 9 || n === 10 || n === 12 || n === 15);
    const cardLength = !plus && n >= 13;
    const phoneLength =
      oneLine &&
      (international ? n >= (plus ? 6 : 8) : national && n >= plan.minDigits && n <= plan.maxDigits);
    // A national reading asked here need not ask its shape again below.
    const shapeChecked = !idLength && !cardLength && phoneLength && !international;
    if (
      !idLength &&
      !cardLength &&
      (!phoneLength || (!international && nationalPhoneRuledOut(scan, from, to, count)))
    ) {
      continue; // nothing to read here, so the digits are not even gathered
    }
    // Gathered for an identity number or a phone number only: a card is read in place.
    let digits: string | undefined;
    const start = token.groupStart[from]!;
    const end = token.groupEnd[to]!;
    if (idLength) {
      digits = spanDigits(text, token, from, to);
      const id = matchDigitNationalId(text, token, from, to, digits, start, end);
      if (id !== undefined) {
        if (!id.certain && phoneLength && isPhone(scan, from, to, digits, international, count)) {
          push(scan, 'phone', international ? 'international' : 'national', phoneStart(scan, from, to), end);
        } else {
          push(scan, 'national_id', id.kind, start, end);
        }
        return to;
      }
    }
    const brand = cardLength ? cardBrand(scan, from, to) : undefined;
    if (brand !== undefined) {
      push(scan, 'card', brand, start, end);
      return to;
    }
    if (
      phoneLength &&
      isPhone(scan, from, to, digits ?? spanDigits(text, token, from, to), international, count, shapeChecked)
    ) {
      push(scan, 'phone', international ? 'international' : 'national', phoneStart(scan, from, to), end);
      return to;
    }
  }
  return -1;
};

/**
 * Reads the values that start with the digit at `d`; returns where scanning resumes. `runEnd` is
 * where the run of digits from `d` ends, when the caller has read it (-1 otherwise).
 */
export const scanNumberAt = (scan: NumberScan, d: number, runEnd = -1): number => {
  const { text, token } = scan;
  const before = codeAt(text, d - 1);
  if (isAsciiLetterCode(before) || before === 32 || before === 45) {
    const end = scanLetterLed(scan, d);
    if (end >= 0) {
      return end;
    }
  }
  readNumericToken(text, d, token, runEnd);
  const glue = glueBefore(text, token.start);
  if (glue === GLUED) {
    return skipWord(text, token.end);
  }
  scan.keyValue = glue === KEY_VALUE;
  // A DNI has eight digits before its letter, a Versicherungsnummer eight, a Corsican NIR six.
  const digitCount = token.digitsBefore[token.count]!;
  if (token.start === d && (digitCount === 8 || digitCount === 6) && isLetterAfter(text, token.end)) {
    const id = findLetterBearingNationalId(text, d);
    if (id !== undefined) {
      push(scan, 'national_id', id.kind, d, id.end);
      return id.end;
    }
  }
  const glued = isGluedAfter(text, token.end);
  const count = glued ? token.count - 1 : token.count;
  scan.reference = UNKNOWN;
  for (let from = 0; from < count; ) {
    const to = matchFrom(scan, from, count);
    if (to >= 0) {
      from = to + 1;
      continue;
    }
    // Nothing starts here: read on from the next line, whose words are its own context.
    const lineEnd = lineEndGroup(text, token, from, count);
    if (lineEnd >= count - 1) {
      break;
    }
    from = lineEnd + 1;
    scan.reference = NO;
    scan.keyValue = false;
  }
  return glued ? skipWord(text, token.end) : token.end;
};
