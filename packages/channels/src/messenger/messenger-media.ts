import { failure, startDeadline } from '../provider/http';
import { downloadMedia, httpUrlOf } from '../provider/media';
import { isMetaFileUrl } from '../provider/meta-graph';
import type { MediaInput, MediaOutcome, MessengerConfig } from '../provider/provider-adapter';
import { messengerFailure } from './messenger-errors';

/**
 * A customer's file: the webhook's payload URL, on Meta's CDN, signed in its query and public
 * for a while. It is fetched without the page's token, which that host has no use for, and only
 * from Meta's hosts (a signed webhook names nothing else; this keeps a leaked app secret from
 * turning us into a fetcher of our own network's URLs).
 */
export const fetchMessengerMedia = async ({
  config,
  source,
  maxBytes,
  fetch: fetchFn,
  timeoutMs,
}: MediaInput<MessengerConfig>): Promise<MediaOutcome> => {
  const url = httpUrlOf(source);
  if (!url) {
    return failure('invalid_request', null, "The file's URL is not an http(s) URL");
  }
  if (!isMetaFileUrl(url, config.apiBaseUrl)) {
    return failure('invalid_request', null, "The file's URL is not on Meta's hosts");
  }
  return downloadMedia({
    url,
    ...(fetchFn ? { fetchFn } : {}),
    deadline: startDeadline(timeoutMs),
    maxBytes,
    failureFor: (status, json) =>
      messengerFailure(status, (json as { error?: Parameters<typeof messengerFailure>[1] } | null)?.error),
  });
};
