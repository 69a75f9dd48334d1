import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

// OWASP's scrypt floor: N=2^17, r=8, p=1. Stored as scrypt$N$r$p$salt$hash so parameters can grow.
const N = 2 ** 17;
const R = 8;
const P = 1;
const KEYLEN = 32;
const MAXMEM = 256 * N * R;

const derive = (password: string, salt: Buffer, n: number, r: number, p: number) =>
  new Promise<Buffer>((resolve, reject) => {
    scrypt(password, salt, KEYLEN, { N: n, r, p, maxmem: MAXMEM }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });

/** `cost` lowers N for tests only; the stored string carries it, so verification follows. */
export const hashPassword = async (
  password: string,
  { cost = N }: { cost?: number } = {},
): Promise<string> => {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost, R, P);
  return ['scrypt', cost, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
};

// A hash to compare against when the e-mail is unknown, so that both answers take as long.
let dummyHash: Promise<string> | null = null;

export const verifyPassword = async (password: string, stored: string | null): Promise<boolean> => {
  dummyHash ??= hashPassword('not-a-password');
  const encoded = stored ?? (await dummyHash);
  const [scheme, n, r, p, salt, key] = encoded.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) {
    return false;
  }
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), Number(n), Number(r), Number(p));
  return stored !== null && actual.length === expected.length && timingSafeEqual(actual, expected);
};
