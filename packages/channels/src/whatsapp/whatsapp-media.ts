import { createHash } from 'node:crypto';
import { failure, isOutcome, requestWithDeadline, startDeadline, trimSlash } from '../provider/http';
import { downloadMedia, httpUrlOf, tooLarge } from '../provider/media';
import { GRAPH_API_VERSION, isMetaFileUrl } from '../provider/meta-graph';
import type { MediaInput, MediaOutcome, WhatsappConfig } from '../provider/provider-adapter';
import { type MetaError, whatsappFailure } from './whatsapp-errors';

/**
 * Meta's media ids are digits; whatever else a webhook gives is not put in a Graph API path.
 * `.` and `..` match the characters but are path segments, which URL parsing would resolve.
 */
export const isWhatsappMediaId = (id: unknown): id is string =>
  typeof id === 'string' && /^[A-Za-z0-9_.-]{1,256}$/.test(id) && !/^\.+$/.test(id);

/** The SHA-256 Meta gives, hex (the media URL's answer) or Base64 (webhooks); null for neither. */
const digestOf = (value: unknown): Buffer | null => {
  if (typeof value !== 'string') {
    return null;
  }
  if (/^[0-9a-fA-F]{64}$/.test(value)) {
    return Buffer.from(value, 'hex');
  }
  return /^[A-Za-z0-9+/]{43}=$/.test(value) ? Buffer.from(value, 'base64') : null;
};

/**
 * A customer's file on the Cloud API: `GET /{media id}` gives a short-lived URL (about five
 * minutes) with its type, size and hash; that URL wants the same Bearer token. Both requests
 * share one deadline.
 */
export const fetchWhatsappMedia = async ({
  config,
  source,
  maxBytes,
  fetch: fetchFn,
  timeoutMs,
}: MediaInput<WhatsappConfig>): Promise<MediaOutcome> => {
  if (!isWhatsappMediaId(source)) {
    return failure('invalid_request', null, 'This is not a WhatsApp media id');
  }
  const deadline = startDeadline(timeoutMs);
  const headers = { authorization: `Bearer ${config.accessToken}` };
  const answer = await requestWithDeadline({
    url: `${trimSlash(config.apiBaseUrl)}/${GRAPH_API_VERSION}/${source}`,
    init: { method: 'GET', headers },
    ...(fetchFn ? { fetchFn } : {}),
    deadline,
  });
  if (isOutcome(answer)) {
    return answer;
  }
  const media = answer.json as {
    url?: unknown;
    mime_type?: unknown;
    sha256?: unknown;
    file_size?: unknown;
    error?: MetaError;
  } | null;
  if (answer.status < 200 || answer.status >= 300 || !media || media.error) {
    return whatsappFailure(answer.status, media?.error);
  }
  // Known before a byte of it is fetched.
  if (Number(media.file_size) > maxBytes) {
    return tooLarge(maxBytes);
  }
  const url = httpUrlOf(media.url);
  if (!url) {
    return failure('invalid_request', null, 'The provider gave no http(s) URL for the file');
  }
  if (!isMetaFileUrl(url, config.apiBaseUrl)) {
    // The token would go with it: only to Meta's hosts (or the configured Graph API's origin).
    return failure('invalid_request', null, "The provider named a file outside Meta's hosts");
  }
  const outcome = await downloadMedia({
    url,
    headers,
    ...(fetchFn ? { fetchFn } : {}),
    deadline,
    maxBytes,
    contentType: typeof media.mime_type === 'string' ? media.mime_type : null,
    failureFor: (status, json) => whatsappFailure(status, (json as { error?: MetaError } | null)?.error),
  });
  const expected = digestOf(media.sha256);
  if (outcome.ok && expected && !createHash('sha256').update(outcome.bytes).digest().equals(expected)) {
    // A download cut short or altered on the way: another try fetches it again.
    return failure('provider_unavailable', null, 'The file arrived damaged');
  }
  return outcome;
};
