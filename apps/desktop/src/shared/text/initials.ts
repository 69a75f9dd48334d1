const startsWithLetter = (word: string): boolean => /^\p{L}/u.test(word);

const firstLetter = (word: string, locale?: string): string =>
  (Array.from(word)[0] ?? '').toLocaleUpperCase(locale);

/**
 * Initials for the customer's avatar (seeds: "grey bubble with their initials"): first letters of
 * the first and last words that start with a letter. A phone number or a masked value
 * (`*********7542`) has none: the caller shows a neutral avatar instead.
 */
export const initialsOf = (name: string, locale?: string): string => {
  const words = name
    .trim()
    .split(/[\s-]+/u)
    .filter(startsWithLetter);
  const first = words[0];
  if (first === undefined) {
    return '';
  }
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  return firstLetter(first, locale) + (last === undefined ? '' : firstLetter(last, locale));
};
