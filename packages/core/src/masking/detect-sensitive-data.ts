import {
  codeAt,
  digitValue,
  foldDigits,
  isAsciiAlnumCode,
  isAsciiLetterCode,
  isDigitCode,
  isWordCode,
  START_PATTERN,
} from './char-codes';
import { findEmailAt } from './email';
import { nextGroupStart } from './numeric-token';
import { type RegionReading, regionReadingOf } from './phone';
import { createNumberScan, type NumberScan, scanNumberAt, skipWord } from './scan-numbers';
import type { DetectSensitiveDataOptions, Finding } from './types';

/**
 * Finds the sensitive values of a text (product.md, "Masking of sensitive data"): phone numbers,
 * e-mail addresses, payment cards, IBANs and national identity numbers.
 *
 * The server runs this on every message to every agent, so the text is walked once and only two
 * characters start any work: a digit of any script (scan-numbers.ts) and `@` (email.ts). A message without
 * either, or with only short lone numbers, costs one pass of a regular expression and one empty
 * array.
 *
 * Findings are sorted by `start` and never overlap. Overlaps are settled the same way every time:
 * - numbers are read token by token, each once, longest span first, and for one span the most
 *   specific reading first (identity number, then card, then phone); so they never overlap;
 * - an e-mail address gives way to the numbers around it (`0701234567.jan@x.se`,
 *   `jan@x.se.AB 12 34 56 C`): the checksummed or plan-checked value is the more specific, and the
 *   address is read in what is left. A masked address is not found again (its local part is
 *   stars), so a value it hid would surface on a second masking; giving way keeps masking
 *   idempotent.
 */
export const detectSensitiveData = ({ text, defaultRegion }: DetectSensitiveDataOptions): Finding[] =>
  detectIn(text, defaultRegion);

/** detectSensitiveData without the options object, for maskSensitiveData's hot path. */
export const detectIn = (text: string, defaultRegion: string | undefined): Finding[] => {
  const found: Finding[] = [];
  const length = text.length;
  let reading: RegionReading | undefined;
  // A lone run of digits shorter than any value (`5 days`, `14:30`, `49,90 €`, `order 12345`) is
  // passed over here, before any scanning state is built: most messages have only such numbers.
  let shortRun = -1;
  let numbers: NumberScan | undefined;
  let ats: number[] | undefined;
  let i = 0;
  let start = START;
  for (;;) {
    // The regular-expression engine finds the next digit or `@` about twice as fast as a loop here.
    start.lastIndex = i;
    if (!start.test(text)) {
      break;
    }
    i = start.lastIndex - 1;
    const c = text.charCodeAt(i);
    if (c > 0x7f) {
      if (digitValue(c) < 0) {
        // A letter of a script written above U+065F, or an emoji: from here on, the exact class.
        start = START_PATTERN;
        i++;
        continue;
      }
      // Digits of another script (`٠٠٩٧١ ٥٠ ١٢٣ ٤٥٦٧`, fullwidth `４１１１`): read the whole text
      // again with them folded to ASCII; the offsets are the same (char-codes.ts).
      return detectIn(foldDigits(text), defaultRegion);
    }
    if (c === 64) {
      ats ??= [];
      ats.push(i);
      i++;
      continue;
    }
    if (shortRun < 0) {
      reading = regionReadingOf(defaultRegion);
      shortRun = reading.shortRun;
    }
    let j = i + 1;
    while (j < length && isDigitCode(text.charCodeAt(j))) {
      j++;
    }
    if (j - i <= shortRun && nextGroupStart(text, j) < 0 && !mayLeadValue(text, i, j)) {
      // The same outcome as a full scan of a one-group token: nothing, and a word it is glued to is skipped.
      i = j < length && isWordCode(text.charCodeAt(j)) ? skipWord(text, j) : j;
      continue;
    }
    numbers ??= createNumberScan(text, reading!, found);
    numbers.lastAt = ats === undefined ? -1 : ats[ats.length - 1]!;
    i = scanNumberAt(numbers, i, j);
  }
  return ats === undefined ? found : addEmails(text, found, ats);
};

/**
 * Where work starts: a digit, an `@`, or any code unit from U+0660 up, where the digits of other
 * scripts begin. One wide range is as fast for the engine as `[0-9@]` alone, and Latin text
 * (below U+0660) never stops on it; a text that does stop on a letter or an emoji continues with
 * the exact class (char-codes.ts). Used with `lastIndex` from one synchronous call only.
 */
const START = /[0-9@\u0660-\uffff]/g;

/**
 * Whether the short run of digits `[i, j)` may continue something written before it: a `+` or
 * `(`, or the letters of an IBAN or NI number (the triggers of scan-numbers.ts). With a space
 * between (`GB 82WEST...`), only two digits glued to more letters can; `at 14:30` and
 * `om 5 dagen` cannot.
 */
const mayLeadValue = (text: string, i: number, j: number): boolean => {
  const before = codeAt(text, i - 1);
  if (before === 43 || before === 40) {
    return true;
  }
  if (before === 32 || before === 45) {
    return j - i === 2 && isAsciiAlnumCode(codeAt(text, j)) && standsAlone(text, i - 2);
  }
  return standsAlone(text, i - 1);
};

/** One or two ASCII letters ending at `p` that start a word. */
const standsAlone = (text: string, p: number): boolean =>
  isAsciiLetterCode(codeAt(text, p)) &&
  (!isWordCode(codeAt(text, p - 1)) ||
    (isAsciiLetterCode(codeAt(text, p - 1)) && !isWordCode(codeAt(text, p - 2))));

/**
 * The addresses around each `@`, fenced off the numbers already found and the address before:
 * a local part starts after them and a domain stops before them.
 */
const addEmails = (text: string, numbers: Finding[], ats: readonly number[]): Finding[] => {
  if (numbers.length === 0) {
    // Only addresses: found in order, each after the one before.
    let lastEnd = 0;
    for (const at of ats) {
      const email = findEmailAt(text, at, lastEnd, text.length);
      if (email !== undefined) {
        numbers.push({ type: 'email', kind: 'email', start: email[0], end: email[1] });
        lastEnd = email[1];
      }
    }
    return numbers;
  }
  const all = [...numbers];
  let next = 0; // the first number that starts after the current `@`
  let lastEnd = 0;
  for (const at of ats) {
    while (next < numbers.length && numbers[next]!.start < at) {
      lastEnd = Math.max(lastEnd, numbers[next]!.end);
      next++;
    }
    const to = next < numbers.length ? numbers[next]!.start : text.length;
    const email = findEmailAt(text, at, lastEnd, to);
    if (email !== undefined) {
      all.push({ type: 'email', kind: 'email', start: email[0], end: email[1] });
      lastEnd = email[1];
    }
  }
  return all.sort((a, b) => a.start - b.start);
};
