import {
  ATTACHMENT_LEASE_MS,
  ATTACHMENT_MAX_ATTEMPTS,
  ATTACHMENT_MAX_BYTES,
  attachmentRetryDelayMs,
  retentionCutoff,
} from '../attachments';
import type { DeliveryError } from '../inbound';
import type { ClaimedAttachment } from '../model';
import type { UseCaseContext, UseCaseResult } from './types';

/**
 * Pending attachments due now (of one message, when given), leased to the caller (FOR UPDATE SKIP
 * LOCKED in the store), so that several processes share the fetching without fetching a file twice.
 */
export const claimDueAttachments = async ({
  tx,
  now,
  limit,
  messageId,
}: UseCaseContext & { limit: number; messageId?: string }): Promise<UseCaseResult<ClaimedAttachment[]>> => ({
  value: await tx.attachments.claimDue({
    now,
    leaseUntil: new Date(now.getTime() + ATTACHMENT_LEASE_MS),
    limit,
    ...(messageId ? { messageId } : {}),
  }),
  events: [],
});

export type FetchResult =
  | { ok: true; contentType: string; bytes: Uint8Array }
  | { ok: false; retryable: boolean; error: DeliveryError };

/**
 * What the provider gave for a claimed attachment: the file is kept (and the bubble shows it), tried
 * again later with backoff when the failure may pass (up to ATTACHMENT_MAX_ATTEMPTS), or given up
 * on with the provider's reason, which the bubble says. A file larger than we keep is refused here
 * too, whatever the adapter let through.
 */
export const recordAttachmentFetch = async ({
  tx,
  now,
  attachment,
  result,
  jitter,
}: UseCaseContext & {
  attachment: ClaimedAttachment;
  result: FetchResult;
  /** A random number in [0, 1), drawn by the caller: core draws none. */
  jitter: number;
}): Promise<UseCaseResult<{ retryAt: Date | null }>> => {
  const outcome: FetchResult =
    result.ok && result.bytes.byteLength > ATTACHMENT_MAX_BYTES
      ? {
          ok: false,
          retryable: false,
          error: {
            code: 'too_large',
            providerCode: null,
            reason: `The file is larger than ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB`,
          },
        }
      : result;
  if (!outcome.ok && outcome.retryable && attachment.attempts < ATTACHMENT_MAX_ATTEMPTS) {
    const retryAt = new Date(
      now.getTime() + attachmentRetryDelayMs({ attempts: attachment.attempts, jitter }),
    );
    await tx.attachments.settle({
      id: attachment.id,
      status: 'pending',
      dueAt: retryAt,
      contentType: null,
      content: null,
      error: outcome.error,
    });
    return { value: { retryAt }, events: [] };
  }
  const settled = await tx.attachments.settle(
    outcome.ok
      ? {
          id: attachment.id,
          status: 'ready',
          dueAt: null,
          contentType: outcome.contentType,
          content: outcome.bytes,
          error: null,
        }
      : {
          id: attachment.id,
          status: 'failed',
          dueAt: null,
          contentType: null,
          content: null,
          error: outcome.error,
        },
  );
  return {
    value: { retryAt: null },
    events: settled ? [{ type: 'message.attachments_changed', ...settled }] : [],
  };
};

/**
 * The retention period (product.md's *beyond*: operators keep files as long as their policy says):
 * the bytes of up to `limit` files older than `days` are removed, the message keeps saying what
 * they were (`expired`). Nothing when `days` is 0. Answers how many were removed.
 */
export const expireAttachments = async ({
  tx,
  now,
  days,
  limit,
}: UseCaseContext & { days: number; limit: number }): Promise<UseCaseResult<number>> => {
  const arrivedBefore = retentionCutoff({ now, days });
  return { value: arrivedBefore ? await tx.attachments.expire({ arrivedBefore, limit }) : 0, events: [] };
};
