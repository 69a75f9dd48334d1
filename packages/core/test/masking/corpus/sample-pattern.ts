import type { Random } from './random';

/**
 * A random string matching one of libphonenumber's number-type patterns. They use a small part of
 * regular-expression syntax: digits, `\d`, classes like `[2-9]` or `[0-24-9]`, non-capturing
 * groups, alternation and the quantifiers `?`, `{n}` and `{n,m}`; that is all this reads.
 */
export const samplePattern = (pattern: string, random: Random): string => {
  let i = 0;

  const parseClass = (): string[] => {
    i++; // [
    const chars: string[] = [];
    while (pattern[i] !== ']') {
      if (pattern[i] === '\\') {
        chars.push(...'0123456789'); // \d inside a class
        i += 2;
        continue;
      }
      const from = pattern[i]!;
      if (pattern[i + 1] === '-' && pattern[i + 2] !== ']') {
        const to = pattern[i + 2]!;
        for (let c = from.charCodeAt(0); c <= to.charCodeAt(0); c++) {
          chars.push(String.fromCharCode(c));
        }
        i += 3;
      } else {
        chars.push(from);
        i++;
      }
    }
    i++; // ]
    return chars;
  };

  const quantifier = (): [number, number] => {
    const c = pattern[i];
    if (c === '?') {
      i++;
      return [0, 1];
    }
    if (c === '{') {
      const close = pattern.indexOf('}', i);
      const [low, high] = pattern.slice(i + 1, close).split(',');
      i = close + 1;
      return [Number(low), high === undefined ? Number(low) : Number(high)];
    }
    return [1, 1];
  };

  // Each alternative is a list of atoms; an atom produces a string.
  const parseAlternation = (): (() => string) => {
    const alternatives: (() => string)[][] = [[]];
    while (i < pattern.length && pattern[i] !== ')') {
      const c = pattern[i]!;
      if (c === '|') {
        alternatives.push([]);
        i++;
        continue;
      }
      let atom: () => string;
      if (c === '(') {
        i += pattern.startsWith('(?:', i) ? 3 : 1;
        atom = parseAlternation();
        i++; // )
      } else if (c === '[') {
        const chars = parseClass();
        atom = () => random.pick(chars);
      } else if (c === '\\') {
        i += 2;
        atom = () => String(random.int(0, 9));
      } else {
        i++;
        atom = () => c;
      }
      const [low, high] = quantifier();
      const single = atom;
      alternatives[alternatives.length - 1]!.push(() => {
        let out = '';
        const times = random.int(low, high);
        for (let k = 0; k < times; k++) {
          out += single();
        }
        return out;
      });
    }
    return () => {
      const chosen = random.pick(alternatives);
      let out = '';
      for (const atom of chosen) {
        out += atom();
      }
      return out;
    };
  };

  return parseAlternation()();
};
