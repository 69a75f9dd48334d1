import { failure, startDeadline } from '../provider/http';
import { downloadMedia, httpUrlOf } from '../provider/media';
import type { MediaInput, MediaOutcome, MessengerConfig } from '../provider/provider-adapter';
import { messengerFailure } from './messenger-errors';

/**
 * A customer's file: the webhook's payload URL, on Meta's CDN, signed in its query and public
 * for a while. It is fetched without the page's token, which that host has no use for.
 */
export const fetchMessengerMedia = async ({
  source,
  maxBytes,
  fetch: fetchFn,
  timeoutMs,
}: MediaInput<MessengerConfig>): Promise<MediaOutcome> => {
  const url = httpUrlOf(source);
  if (!url) {
    return failure('invalid_request', null, "The file's URL is not an http(s) URL");
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
