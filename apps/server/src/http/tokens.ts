import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits, URL-safe: session cookies, CSRF tokens and customer conversation tokens. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Tokens are stored as their SHA-256, so a leaked database holds no usable token. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');

export const safeEqual = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};
