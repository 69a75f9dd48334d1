import { createHmac, timingSafeEqual } from 'node:crypto';
import { headerOf } from '../provider/http';
import type { RawRequest } from '../provider/provider-adapter';

/**
 * Twilio's `X-Twilio-Signature`: Base64(HMAC-SHA1(auth token, the URL as Twilio called it + each
 * POST parameter sorted by name, name then value)). Behind a proxy that URL is the public one, not
 * what this process sees (twilio.com/docs/usage/security#validating-requests).
 */
export const twilioSignature = (authToken: string, url: string, params: URLSearchParams): string => {
  const pairs = [...params.entries()].sort(([a, av], [b, bv]) =>
    a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1,
  );
  const data = url + pairs.map(([k, v]) => k + v).join('');
  return createHmac('sha1', authToken).update(Buffer.from(data, 'utf8')).digest('base64');
};

export const verifyTwilioSignature = (request: RawRequest, authToken: string): boolean => {
  const given = headerOf(request.headers, 'x-twilio-signature');
  if (!given || !authToken) {
    return false;
  }
  const params = new URLSearchParams(request.rawBody.toString('utf8'));
  const expected = Buffer.from(twilioSignature(authToken, request.publicUrl, params));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
};
