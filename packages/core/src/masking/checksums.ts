/**
 * Check-digit algorithms shared by several detectors. Each takes a string of ASCII digits.
 */

/**
 * Luhn mod 10 (ISO/IEC 7812-1 annex B): payment cards, and the last digit of a Swedish
 * personnummer (Skatteverket SKV 704).
 */
export const passesLuhn = (digits: string): boolean => {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) {
        d -= 9;
      }
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
};

/** `digits.slice(from, to)` as a number, without allocating the slice. */
export const numberAt = (digits: string, from: number, to: number): number => {
  let n = 0;
  for (let i = from; i < to; i++) {
    n = n * 10 + (digits.charCodeAt(i) - 48);
  }
  return n;
};
