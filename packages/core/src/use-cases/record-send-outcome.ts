import { advancesDelivery, SEND_MAX_ATTEMPTS, sendRetryDelayMs } from '../delivery-rules';
import type { DeliveryError } from '../inbound';
import type { UseCaseContext, UseCaseResult } from './types';

export type SendResult =
  | { ok: true; providerMessageId: string }
  | { ok: false; retryable: boolean; error: DeliveryError };

/**
 * What the provider answered to a claimed send: sent (with its id, for the statuses to come), a
 * retryable failure (again later, exponential backoff with jitter, up to SEND_MAX_ATTEMPTS) or a
 * permanent one (the message fails with the provider's code and reason).
 */
export const recordSendOutcome = async ({
  tx,
  now,
  jobId,
  messageId,
  conversationId,
  attempts,
  result,
  jitter,
}: UseCaseContext & {
  jobId: string;
  messageId: string;
  conversationId: string;
  attempts: number;
  result: SendResult;
  /** A random number in [0, 1), drawn by the caller: core draws none. */
  jitter: number;
}): Promise<UseCaseResult<{ retryAt: Date | null }>> => {
  const changed = [{ type: 'message.delivery_changed' as const, conversationId, messageId }];
  if (result.ok) {
    await tx.providerMessages.setDelivery({
      id: messageId,
      status: 'sent',
      error: null,
      providerMessageId: result.providerMessageId,
    });
    await tx.outbox.remove(jobId);
    return { value: { retryAt: null }, events: changed };
  }
  if (result.retryable && attempts < SEND_MAX_ATTEMPTS) {
    const retryAt = new Date(now.getTime() + sendRetryDelayMs({ attempts, jitter }));
    await tx.outbox.reschedule({ jobId, dueAt: retryAt, lastError: result.error });
    return { value: { retryAt }, events: [{ type: 'send.queued', messageId, dueAt: retryAt }] };
  }
  const message = await tx.messages.get(messageId);
  await tx.outbox.markFailed({ jobId, lastError: result.error, at: now });
  if (message && advancesDelivery(message.deliveryStatus, 'failed')) {
    await tx.providerMessages.setDelivery({ id: messageId, status: 'failed', error: result.error });
    return { value: { retryAt: null }, events: changed };
  }
  return { value: { retryAt: null }, events: [] };
};
