import { digitValue, isAsciiLetterCode } from './char-codes';
import { detectIn } from './detect-sensitive-data';
import type { DetectSensitiveDataOptions, Finding } from './types';

export const MASK_CHARACTER = '*';

/** Values are short: slices of one string of stars instead of a new one per value. */
const STARS = MASK_CHARACTER.repeat(64);
const stars = (n: number): string => (n <= STARS.length ? STARS.slice(0, n) : MASK_CHARACTER.repeat(n));

/**
 * The masked form of one value, as the seeds show it (product.md: "`+447966197542` →
 * `*********7542`; `melissa@gmail.com` → `m******@gmail.com`; `+1 (123) 456 7890` keeps only
 * `7890`"), always of the same length:
 * - an e-mail address keeps the first character of its local part, and its domain;
 * - any other value keeps its last four digits. Every character before them becomes `*`,
 *   separators included (digits of any script count); after the first of them, digits and separators stay and letters (an
 *   IBAN's or a DNI's) become `*`, so nothing else stays readable.
 */
export const maskValue = ({ value, type }: { value: string; type: Finding['type'] }): string =>
  maskSpan(value, 0, value.length, type);

/**
 * maskValue of `text.slice(start, end)`, read in place: the masked form is stars and, for a
 * number, a tail cut from `text`, so nothing but the result is built.
 */
const maskSpan = (text: string, start: number, end: number, type: Finding['type']): string => {
  if (type === 'email') {
    let at = end - 1;
    while (at >= start && text.charCodeAt(at) !== 64) {
      at--;
    }
    at -= start;
    // A local part of one character would be kept whole by "keep the first character", so it is
    // masked (`*@x.se`); of two, the first stays and the second is masked (`j*@x.se`): the rule
    // as written, and the address is no longer readable.
    return at === 1
      ? MASK_CHARACTER + text.slice(start + 1, end)
      : text[start] + stars(Math.max(0, at - 1)) + text.slice(start + at, end);
  }
  let fourth = end;
  let seen = 0;
  let letters = false;
  for (let i = end - 1; i >= start && seen < 4; i--) {
    const c = text.charCodeAt(i);
    if (digitValue(c) >= 0) {
      seen++;
      fourth = i;
    } else if (isAsciiLetterCode(c)) {
      letters = true;
    }
  }
  if (seen < 4) {
    return stars(end - start);
  }
  if (!letters) {
    return stars(fourth - start) + text.slice(fourth, end);
  }
  // An IBAN's or a DNI's letters among the last four digits become stars too: the tail is cut
  // between its letters, which costs less than a global replace (a call into the runtime) on
  // tails this short.
  let out = stars(fourth - start);
  let piece = fourth;
  for (let i = fourth; i < end; i++) {
    if (isAsciiLetterCode(text.charCodeAt(i))) {
      out += text.slice(piece, i) + MASK_CHARACTER;
      piece = i + 1;
    }
  }
  return out + text.slice(piece, end);
};

/** The text with every finding replaced by its masked form; the rest is untouched. */
export const applyMasks = ({ text, findings }: { text: string; findings: readonly Finding[] }): string => {
  if (findings.length === 0) {
    return text;
  }
  let out = '';
  let from = 0;
  for (const finding of findings) {
    out += text.slice(from, finding.start);
    out += maskSpan(text, finding.start, finding.end, finding.type);
    from = finding.end;
  }
  return out + text.slice(from);
};

/**
 * Masks a text for a viewer who must not see sensitive data (architecture.md: "Masking happens on
 * the server, per viewer, before anything is sent to a desktop").
 */
export const maskSensitiveData = ({
  text,
  defaultRegion,
}: DetectSensitiveDataOptions): { text: string; findings: Finding[] } => {
  const findings = detectIn(text, defaultRegion);
  return { text: applyMasks({ text, findings }), findings };
};
