import { findEmailAt } from './email';
import { toPhoneRegion } from './phone';
import { createNumberScan, scanNumberAt } from './scan-numbers';
import type { DetectSensitiveDataOptions, Finding, SensitiveType } from './types';

/**
 * Finds the sensitive values of a text (product.md, "Masking of sensitive data"): phone numbers,
 * e-mail addresses, payment cards, IBANs and national identity numbers.
 *
 * The server runs this on every message to every agent, so the text is walked once, code unit by
 * code unit, and only two characters start any work: a digit (scan-numbers.ts) and `@`
 * (email.ts). A message without either costs one pass and allocates nothing.
 *
 * Findings are sorted by `start` and never overlap.
 */
export const detectSensitiveData = ({ text, defaultRegion }: DetectSensitiveDataOptions): Finding[] => {
  const found: Finding[] = [];
  const length = text.length;
  let i = 0;
  // Skip to the first digit or `@` before building anything.
  while (i < length) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || c === 64) {
      break;
    }
    i++;
  }
  if (i === length) {
    return found;
  }
  const numbers = createNumberScan(text, toPhoneRegion(defaultRegion), found);
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      i = scanNumberAt(numbers, i);
      continue;
    }
    if (c === 64) {
      const email = findEmailAt(text, i);
      if (email !== undefined) {
        found.push({ type: 'email', kind: 'email', start: email[0], end: email[1] });
      }
    }
    i++;
  }
  return resolveOverlaps(found);
};

/** On equal spans the more specific, checksummed reading wins. */
const PRIORITY: Record<SensitiveType, number> = { iban: 0, card: 1, national_id: 2, email: 3, phone: 4 };

/**
 * Two readings of the same characters: the longer wins, then the more specific one, then the
 * earlier. Detectors rarely overlap (a number glued to an `@` is left to the e-mail reading), so
 * the common case is a check of the order the scan produced.
 */
const resolveOverlaps = (found: Finding[]): Finding[] => {
  let sorted = true;
  for (let k = 1; k < found.length; k++) {
    if (found[k]!.start < found[k - 1]!.end) {
      sorted = false;
      break;
    }
  }
  if (sorted) {
    return found;
  }
  const byStrength = [...found].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || PRIORITY[a.type] - PRIORITY[b.type] || a.start - b.start,
  );
  const kept: Finding[] = [];
  for (const candidate of byStrength) {
    if (kept.every((k) => candidate.end <= k.start || candidate.start >= k.end)) {
      kept.push(candidate);
    }
  }
  return kept.sort((a, b) => a.start - b.start);
};
