import { advancesDelivery } from '../delivery-rules';
import type { DomainEvent } from '../events';
import type { InboundEvent } from '../inbound';
import type { UseCaseContext, UseCaseResult } from './types';

type StatusEvent = Extract<InboundEvent, { kind: 'status' | 'watermark' }>;

/**
 * A provider's status for the agent's messages (WhatsApp `statuses`, Twilio `MessageStatus`,
 * Messenger's delivery and read watermarks), applied forward only. A status for a message we do
 * not know (not ours, or from before a restore) changes nothing.
 */
export const applyDeliveryStatus = async ({
  tx,
  entryPointId,
  status,
}: UseCaseContext & { entryPointId: string; status: StatusEvent }): Promise<
  UseCaseResult<{ changed: number }>
> => {
  const targets =
    status.kind === 'status'
      ? [
          await tx.providerMessages.lockByProviderId({
            entryPointId,
            providerMessageId: status.providerMessageId,
          }),
        ]
      : await tx.providerMessages.lockSentTo({ entryPointId, identity: status.identity, upTo: status.upTo });
  const events: DomainEvent[] = [];
  for (const message of targets) {
    if (message?.author !== 'agent' || !advancesDelivery(message.deliveryStatus, status.status)) {
      continue;
    }
    await tx.providerMessages.setDelivery({
      id: message.id,
      status: status.status,
      error: status.kind === 'status' ? status.error : null,
    });
    events.push({
      type: 'message.delivery_changed',
      conversationId: message.conversationId,
      messageId: message.id,
    });
  }
  return { value: { changed: events.length }, events };
};
