import { failure, startDeadline } from '../provider/http';
import { downloadMedia, httpUrlOf } from '../provider/media';
import type { MediaInput, MediaOutcome, SmsConfig } from '../provider/provider-adapter';
import { twilioAccountUrl, twilioAuthorization } from './twilio-api';
import { twilioFailure } from './twilio-errors';

/**
 * The webhook names the URL: it gets the account's credentials only when it is one of the
 * account's own resources on Twilio's API, and any other URL is not fetched at all (credentials
 * must not go to a host a request chooses, nor our server fetch whatever it names). The path is
 * compared after URL parsing, which has resolved `..` and `%2e%2e` segments.
 */
const accountMediaUrl = (source: string, config: SmsConfig): URL | null => {
  const url = httpUrlOf(source);
  const account = httpUrlOf(twilioAccountUrl(config));
  return url &&
    account &&
    url.origin === account.origin &&
    url.pathname.startsWith(account.pathname) &&
    url.pathname.length > account.pathname.length
    ? url
    : null;
};

/**
 * An MMS's file (`MediaUrl{N}`): Twilio answers it with a redirect to its storage host. Node's
 * fetch (undici) drops Authorization on a redirect to another origin, so the storage host never
 * sees the credentials: checked on Node 20.20 (undici 6.24) for 301, 302, 303, 307 and 308, and
 * kept by a test (media-fetch.test.ts). A `fetch` given instead must do the same.
 */
export const fetchTwilioMedia = async ({
  config,
  source,
  maxBytes,
  fetch: fetchFn,
  timeoutMs,
}: MediaInput<SmsConfig>): Promise<MediaOutcome> => {
  const url = accountMediaUrl(source, config);
  if (!url) {
    return failure('invalid_request', null, "The file's URL is not one of this Twilio account's media");
  }
  return downloadMedia({
    url,
    headers: { authorization: twilioAuthorization(config) },
    ...(fetchFn ? { fetchFn } : {}),
    deadline: startDeadline(timeoutMs),
    maxBytes,
    failureFor: (status, json) => {
      const error = json as { code?: unknown; message?: unknown } | null;
      return twilioFailure(status, error?.code, error?.message);
    },
  });
};
