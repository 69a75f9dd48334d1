import { AppError } from '../errors';
import type { StoredMessage } from '../model';

/**
 * A retried send (same clientMessageId) answers the message stored the first time; the same key
 * sent with another body, or by another agent, is a client's mistake, refused rather than
 * silently answered with a message that is not the one sent.
 */
export const checkReplayedMessage = ({
  stored,
  body,
  authorUserId,
}: {
  stored: StoredMessage;
  body: string;
  authorUserId: string | null;
}): StoredMessage => {
  if (stored.body !== body || stored.authorUserId !== authorUserId) {
    throw new AppError('IDEMPOTENCY_KEY_REUSED');
  }
  return stored;
};
