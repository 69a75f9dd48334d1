import { applyDeliveryStatus, type InboundEvent, receiveProviderMessage } from '@switchboard/core';
import type { UseCaseRunner } from './services';

const isUniqueViolation = (err: unknown): boolean => {
  const e = err as { code?: string; cause?: { code?: string } } | null;
  return e?.code === '23505' || e?.cause?.code === '23505';
};

/**
 * A verified delivery's events, each stored in its own transaction before the webhook answers.
 * Two copies of one delivery arriving at once (providers deliver at least once) may race to the
 * unique index on (entry point, provider id): the loser runs again and finds the message stored.
 */
export const createWebhookIntake = ({ run }: { run: UseCaseRunner }) => {
  const receive = async (entryPointId: string, message: Extract<InboundEvent, { kind: 'message' }>) => {
    try {
      return await run(receiveProviderMessage, { entryPointId, message });
    } catch (err) {
      if (!isUniqueViolation(err)) {
        throw err;
      }
      return run(receiveProviderMessage, { entryPointId, message });
    }
  };
  return {
    /** How many of the events were stored or applied, and how many were ignored. */
    take: async (entryPointId: string, events: InboundEvent[]) => {
      const counts = { stored: 0, duplicates: 0, statuses: 0, ignored: 0 };
      for (const event of events) {
        if (event.kind === 'message') {
          const { created } = await receive(entryPointId, event);
          counts[created ? 'stored' : 'duplicates']++;
        } else if (event.kind === 'ignored') {
          counts.ignored++;
        } else {
          await run(applyDeliveryStatus, { entryPointId, status: event });
          counts.statuses++;
        }
      }
      return counts;
    },
  };
};

export type WebhookIntake = ReturnType<typeof createWebhookIntake>;
