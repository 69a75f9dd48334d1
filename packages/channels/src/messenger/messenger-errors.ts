import { failure, failureForStatus, type SendFailure } from '../provider/http';

interface GraphError {
  code?: number;
  error_subcode?: number;
  message?: string;
}

/** Messenger Send API errors (developers.facebook.com/docs/messenger-platform/error-codes). */
export const messengerFailure = (status: number, error: GraphError | undefined): SendFailure => {
  const code = typeof error?.code === 'number' ? error.code : null;
  const sub = typeof error?.error_subcode === 'number' ? error.error_subcode : null;
  const providerCode = code === null ? null : sub === null ? String(code) : `${code}/${sub}`;
  const reason = error?.message ?? '';
  // 10/2018278: sent outside the allowed window (24 h, or 7 days with HUMAN_AGENT).
  if (code === 10 && sub === 2018278) {
    return failure('outside_window', providerCode, reason || 'The messaging window has closed');
  }
  // 551: this person isn't available right now; 100/2018001: no matching user.
  if (code === 551 || (code === 100 && sub === 2018001)) {
    return failure('undeliverable', providerCode, reason || 'This person is not available right now');
  }
  if (code === 4 || code === 32 || code === 613) {
    return failure('rate_limited', providerCode, reason);
  }
  // 190: the token; 10 and 200-299: a permission the app lacks (e.g. reading user profiles).
  if (code === 190 || code === 10 || (code !== null && code >= 200 && code < 300)) {
    return failure('unauthorized', providerCode, reason);
  }
  if (code === 1 || code === 2) {
    return failure('provider_unavailable', providerCode, reason);
  }
  return failureForStatus(status, providerCode, reason);
};
