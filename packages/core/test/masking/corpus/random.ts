/** A seeded generator (mulberry32), so every run builds the same corpus and a failure can be replayed. */
export interface Random {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  digits(count: number): string;
  chance(probability: number): boolean;
}

export const createRandom = (seed: number): Random => {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    digits: (count: number): string => {
      let out = '';
      for (let i = 0; i < count; i++) {
        out += String(int(0, 9));
      }
      return out;
    },
    chance: (probability: number): boolean => next() < probability,
  };
};

export const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** The Luhn check digit that completes `body` (ISO/IEC 7812-1 annex B). */
export const luhnCheckDigit = (body: string): string => {
  let sum = 0;
  let double = true;
  for (let i = body.length - 1; i >= 0; i--) {
    let d = body.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) {
        d -= 9;
      }
    }
    sum += d;
    double = !double;
  }
  return String((10 - (sum % 10)) % 10);
};
