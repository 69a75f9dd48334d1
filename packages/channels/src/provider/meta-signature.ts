import { createHmac, timingSafeEqual } from 'node:crypto';
import { headerOf } from './http';
import type { RawRequest } from './provider-adapter';

/**
 * Meta's `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>` (WhatsApp and
 * Messenger), checked on the raw bytes before anything is parsed, in constant time.
 */
export const verifyMetaSignature = (request: RawRequest, appSecret: string): boolean => {
  const header = headerOf(request.headers, 'x-hub-signature-256');
  if (!header?.startsWith('sha256=') || !appSecret) {
    return false;
  }
  const given = Buffer.from(header.slice(7), 'hex');
  const expected = createHmac('sha256', appSecret).update(request.rawBody).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
};

export const signMetaBody = (body: Buffer | string, appSecret: string): string =>
  `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`;

/** Meta's verification request: `hub.mode=subscribe`, `hub.verify_token`, `hub.challenge`. */
export const answerMetaChallenge = (query: Record<string, unknown>, verifyToken: string): string | null => {
  const mode = query['hub.mode'];
  const token = query['hub.verify_token'];
  const challenge = query['hub.challenge'];
  if (mode !== 'subscribe' || typeof token !== 'string' || typeof challenge !== 'string' || !verifyToken) {
    return null;
  }
  const a = Buffer.from(token);
  const b = Buffer.from(verifyToken);
  return a.length === b.length && timingSafeEqual(a, b) ? challenge : null;
};
