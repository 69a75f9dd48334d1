import type { CountryCode } from 'libphonenumber-js/max';
import { isCardGrouping, matchCardNumber } from './card';
import { codeAt, isAsciiLetterCode, isDigitCode, isSpaceCode, isWordCode } from './char-codes';
import { findIbanAt } from './iban';
import { isReferenceContext } from './keywords';
import { looksLikeDate, looksLikeIpAddress, looksLikePrice, looksLikeVersion, looksLikeZipCode } from './look-alikes';
import { findLetterBearingNationalId, findLetterLedNationalId, matchDigitNationalId } from './national-id';
import {
  createNumericToken,
  groupLength,
  hasUniformSeparators,
  type NumericToken,
  readNumericToken,
  spanDigitCount,
  spanDigits,
} from './numeric-token';
import { isInternationalPhone, isNationalPhone, type NationalPlan, nationalPlanOf } from './phone';
import type { Finding } from './types';

/**
 * Everything that starts with a digit: phone numbers, cards, IBANs and identity numbers. The
 * detector calls `scanAt` at the first digit of each run; it returns where scanning resumes.
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
 */

const CARD_SEPARATORS = [32, 45, 0xa0];

/** No identity number, card or phone number has more digits. */
const MAX_SPAN_DIGITS = 19;

export interface NumberScanner {
  scanAt(d: number): number;
}

export const createNumberScanner = (
  text: string,
  region: CountryCode | undefined,
  found: Finding[],
): NumberScanner => {
  const token: NumericToken = createNumericToken();
  let plan: NationalPlan | undefined;
  const nationalPlan = (): NationalPlan | undefined => {
    if (plan === undefined && region !== undefined) {
      plan = nationalPlanOf(region);
    }
    return plan;
  };
  /** The fewest digits any detector can use: international phones have at least seven. */
  const minDigits = region === undefined ? 7 : Math.min(7, nationalPlan()!.minDigits);

  const push = (type: Finding['type'], kind: string, start: number, end: number): void => {
    found.push({ type, kind, start, end });
  };

  const letterLed = (d: number): number => {
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
          push('iban', iban.country, p, iban.end);
        }
        return iban.end;
      }
    } else if (isAsciiLetterCode(b1) && !isWordCode(codeAt(text, d - 2))) {
      p = d - 1;
    } else if ((b1 === 32 || b1 === 45) && isAsciiLetterCode(codeAt(text, d - 2)) && !isWordCode(codeAt(text, d - 3))) {
      p = d - 2;
    }
    if (p >= 0) {
      const id = findLetterLedNationalId(text, p);
      if (id !== undefined) {
        push('national_id', id.kind, p, id.end);
        return id.end;
      }
    }
    return -1;
  };

  const gluedBefore = (s: number): boolean => {
    const c = codeAt(text, s - 1);
    if (c === -1) {
      return false;
    }
    if (isWordCode(c) || c === 64 || c === 47 || c === 92 || c === 61 || c === 38 || c === 37) {
      return true; // a word, an address, a path, a query string, a percentage
    }
    const b = codeAt(text, s - 2);
    if (isDigitCode(b)) {
      return true; // `1.5`, `12,5`, `12:30`, or the rest of a number too long to be a token
    }
    return c === 45 && isWordCode(b); // `SKU-12345678`
  };

  const gluedAfter = (e: number): boolean => {
    const c = codeAt(text, e);
    if (isWordCode(c) || c === 64 || c === 37) {
      return true;
    }
    return (c === 44 || c === 46 || c === 58 || c === 45 || c === 47) && isDigitCode(codeAt(text, e + 1));
  };

  const letterFollows = (e: number): boolean => {
    const c = codeAt(text, e);
    return (
      isAsciiLetterCode(c) || ((isSpaceCode(c) || c === 45) && isAsciiLetterCode(codeAt(text, e + 1)))
    );
  };

  const skipWord = (p: number): number => {
    let q = p;
    while (q < text.length && isWordCode(text.charCodeAt(q))) {
      q++;
    }
    return q;
  };

  /** `+49 (0)30 1234567`: the bracketed trunk zero is not dialled from abroad (ITU-T E.123 §2.5 discourages it, people write it). */
  const internationalDigits = (to: number): string => {
    let digits = spanDigits(text, token, 0, to);
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
   * the bracket closes inside the number (`(415) 555-2671`), not when it encloses it
   * (`(0701234567)`).
   */
  const phoneStart = (from: number, to: number): number => {
    const g = token.groupStart[from]!;
    if (from === 0 && token.plus) {
      return token.start;
    }
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

  let reference = 0; // 0 unknown, 1 yes, 2 no: whether the words before the token name a reference

  const isCard = (from: number, to: number, digits: string): string | undefined => {
    if (!hasUniformSeparators(text, token, from, to, CARD_SEPARATORS)) {
      return undefined;
    }
    const lengths: number[] = [];
    for (let g = from; g <= to; g++) {
      lengths.push(groupLength(token, g));
    }
    return isCardGrouping(lengths) ? matchCardNumber(digits) : undefined;
  };

  const isReference = (): boolean => {
    if (reference === 0) {
      reference = isReferenceContext(text, token.start) ? 1 : 2;
    }
    return reference === 1;
  };

  /**
   * Whether the groups `from..to` read as a date, an IP address, a version or a ZIP code: then
   * neither they nor any shorter span inside them is a national phone number (`23.194.30.32` is
   * an address; `23.194.30` is not a number someone wrote).
   */
  const looksAlike = (from: number, to: number): boolean =>
    looksLikeDate(text, token, from, to) ||
    looksLikeIpAddress(text, token, from, to) ||
    looksLikeVersion(text, token, from, to) ||
    looksLikeZipCode(text, token, from, to);

  let tokenLooksAlike = 0; // 0 unknown, 1 yes, 2 no

  const isPhone = (from: number, to: number, digits: string, international: boolean, count: number): boolean => {
    if (international) {
      // `+` says phone number. `00` is also how long references begin (SSCC parcel numbers, order
      // numbers), so there the words before the number are asked too.
      return isInternationalPhone(internationalDigits(to)) && (token.plus || !isReference());
    }
    const national = nationalPlan();
    if (national === undefined || digits.length < national.minDigits || digits.length > national.maxDigits) {
      return false;
    }
    if (tokenLooksAlike === 0) {
      tokenLooksAlike = looksAlike(0, count - 1) ? 1 : 2;
    }
    if (
      tokenLooksAlike === 1 ||
      looksAlike(from, to) ||
      looksLikePrice(text, phoneStart(from, to), token.groupEnd[to]!)
    ) {
      return false;
    }
    return !isReference() && isNationalPhone(digits, national);
  };

  /** The last group of the longest match starting at group `from`, or -1. */
  const matchFrom = (from: number, count: number): number => {
    // A leading `+` makes the whole token a phone number; a leading `00` only offers that reading.
    const plus = from === 0 && token.plus;
    const international =
      plus ||
      (from === 0 &&
        groupLength(token, 0) >= 2 &&
        text.charCodeAt(token.groupStart[0]!) === 48 &&
        text.charCodeAt(token.groupStart[0]! + 1) === 48);
    const national = international ? undefined : nationalPlan();
    for (let to = count - 1; to >= from; to--) {
      const n = spanDigitCount(token, from, to);
      if (n > MAX_SPAN_DIGITS) {
        continue;
      }
      if (n < minDigits) {
        return -1;
      }
      const idLength = !plus && (n === 9 || n === 10 || n === 12 || n === 15);
      const cardLength = !plus && n >= 13;
      const phoneLength = international
        ? n >= (plus ? 7 : 9)
        : national !== undefined && n >= national.minDigits && n <= national.maxDigits;
      if (!idLength && !cardLength && !phoneLength) {
        continue;
      }
      const digits = spanDigits(text, token, from, to);
      const start = token.groupStart[from]!;
      const end = token.groupEnd[to]!;
      if (idLength) {
        const id = matchDigitNationalId(text, token, from, to, digits, start, end);
        if (id !== undefined) {
          if (!id.certain && phoneLength && isPhone(from, to, digits, international, count)) {
            push('phone', international ? 'international' : 'national', phoneStart(from, to), end);
          } else {
            push('national_id', id.kind, start, end);
          }
          return to;
        }
      }
      const brand = cardLength ? isCard(from, to, digits) : undefined;
      if (brand !== undefined) {
        push('card', brand, start, end);
        return to;
      }
      if (phoneLength && isPhone(from, to, digits, international, count)) {
        push('phone', international ? 'international' : 'national', phoneStart(from, to), end);
        return to;
      }
    }
    return -1;
  };

  const scanAt = (d: number): number => {
    const led = isAsciiLetterCode(codeAt(text, d - 1)) || codeAt(text, d - 1) === 32 || codeAt(text, d - 1) === 45;
    if (led) {
      const end = letterLed(d);
      if (end >= 0) {
        return end;
      }
    }
    readNumericToken(text, d, token);
    if (gluedBefore(token.start)) {
      return skipWord(token.end);
    }
    if (token.start === d && letterFollows(token.end)) {
      const id = findLetterBearingNationalId(text, d);
      if (id !== undefined) {
        push('national_id', id.kind, d, id.end);
        return id.end;
      }
    }
    let count = token.count;
    const glued = gluedAfter(token.end);
    if (glued) {
      count--;
    }
    reference = 0;
    tokenLooksAlike = 0;
    for (let from = 0; from < count; ) {
      const to = matchFrom(from, count);
      if (to < 0) {
        break;
      }
      from = to + 1;
    }
    return glued ? skipWord(token.end) : token.end;
  };

  return { scanAt };
};
