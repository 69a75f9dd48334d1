import { hasNul, isOutcome, requestWithDeadline, trimSlash } from '../provider/http';
import { GRAPH_API_VERSION } from '../provider/meta-graph';
import type { MessengerConfig, ProfileInput, ProfileOutcome } from '../provider/provider-adapter';
import { messengerFailure } from './messenger-errors';

/** A profile's name is a nicety: it must not hold a sender for long. */
export const PROFILE_TIMEOUT_MS = 5_000;

/**
 * The Messenger User Profile API: `GET /{PSID}?fields=first_name,last_name` with the page's
 * token. The token goes in the Authorization header, which the Graph API takes as it takes
 * `access_token` (the send does the same), so that it appears in no URL a proxy or a log records.
 * Meta answers only for a PSID that wrote to the page, and only if the app has the profile
 * permission: any other answer is a failure with its code, and the name stays the PSID.
 */
export const readMessengerProfileName = async ({
  config,
  identity,
  fetch: fetchFn,
  timeoutMs = PROFILE_TIMEOUT_MS,
}: ProfileInput<MessengerConfig>): Promise<ProfileOutcome> => {
  const answer = await requestWithDeadline({
    url: `${trimSlash(config.apiBaseUrl)}/${GRAPH_API_VERSION}/${encodeURIComponent(identity)}?fields=first_name,last_name`,
    init: { method: 'GET', headers: { authorization: `Bearer ${config.pageAccessToken}` } },
    ...(fetchFn ? { fetchFn } : {}),
    timeoutMs,
  });
  if (isOutcome(answer)) {
    return { ok: false, error: answer.error };
  }
  const json = answer.json as {
    first_name?: unknown;
    last_name?: unknown;
    error?: Parameters<typeof messengerFailure>[1];
  } | null;
  if (answer.status < 200 || answer.status >= 300 || !json || json.error) {
    return { ok: false, error: messengerFailure(answer.status, json?.error).error };
  }
  const name = [json.first_name, json.last_name]
    .filter((part): part is string => typeof part === 'string' && !hasNul(part))
    .join(' ')
    .trim();
  return name ? { ok: true, name } : unreadable('The profile has no name');
};

const unreadable = (reason: string): ProfileOutcome => ({
  ok: false,
  error: { code: 'unknown', providerCode: null, reason },
});
