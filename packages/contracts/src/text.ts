import { z } from 'zod';

/**
 * The one rule for text that enters Switchboard. PostgreSQL refuses NUL (U+0000) in text, and a
 * lone surrogate (half of a UTF-16 pair) is no character at all: it can't be stored as UTF-8 and
 * breaks the JSON of whoever reads it next. Both are refused where text enters (every HTTP body,
 * path and query, every socket event), with 400 `VALIDATION_FAILED` naming the field.
 */
// With the `u` flag a well-formed pair is one code point, so only unpaired halves match.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching NUL is this rule's purpose.
const UNSAFE_TEXT = /[\u0000\ud800-\udfff]/u;

export const UNSAFE_TEXT_MESSAGE = 'must not contain NUL characters or unpaired surrogates';

export const isSafeText = (text: string): boolean => !UNSAFE_TEXT.test(text);

/** A string that obeys the text rule. */
export const ZText = z.string().refine(isSafeText, UNSAFE_TEXT_MESSAGE);

/**
 * The path of the first string (value or key) in `value` that breaks the text rule, e.g.
 * `body.customer.name`, or null. Iterative, so no nesting depth can exhaust the stack.
 */
export const findUnsafeText = (value: unknown, root: string): string | null => {
  const pending: [unknown, string][] = [[value, root]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, path] = next;
    if (typeof item === 'string') {
      if (!isSafeText(item)) {
        return path;
      }
    } else if (item !== null && typeof item === 'object' && !ArrayBuffer.isView(item)) {
      for (const [key, child] of Object.entries(item)) {
        if (!isSafeText(key)) {
          return path;
        }
        pending.push([child, `${path}.${key}`]);
      }
    }
  }
  return null;
};
