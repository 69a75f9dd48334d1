/** Character tests on UTF-16 code units, so the scanner never allocates per character. */

export const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;

export const isAsciiLetterCode = (c: number): boolean => {
  const lower = c | 32;
  return lower >= 97 && lower <= 122;
};

export const isAsciiAlnumCode = (c: number): boolean => isDigitCode(c) || isAsciiLetterCode(c);

const NON_ASCII_WORD = /[\p{L}\p{N}\p{M}]/u;

/**
 * Letters and digits of any script, `_`, and `*` (the mask character: a number glued to stars is
 * the visible tail of a value already masked, which keeps masking idempotent).
 */
export const isWordCode = (c: number): boolean => {
  if (c < 0x80) {
    return isAsciiAlnumCode(c) || c === 95 || c === 42;
  }
  if (c >= 0xc0 && c <= 0x17f) {
    return c !== 0xd7 && c !== 0xf7; // Latin-1 and Latin Extended-A letters, without a regular expression
  }
  return NON_ASCII_WORD.test(String.fromCharCode(c));
};

/** Space, no-break space, narrow no-break space and thin space: what people put between digit groups. */
export const isSpaceCode = (c: number): boolean => c === 32 || c === 0xa0 || c === 0x202f || c === 0x2009;

/** Code at `i`, or -1 outside the string: boundary checks need no bounds tests of their own. */
export const codeAt = (text: string, i: number): number =>
  i >= 0 && i < text.length ? text.charCodeAt(i) : -1;

/** The digits of a string, in order. */
export const digitsOf = (text: string): string => {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isDigitCode(c)) {
      out += text[i];
    }
  }
  return out;
};
