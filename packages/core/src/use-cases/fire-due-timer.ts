import { expireOffer } from './expire-offer';
import type { UseCaseContext, UseCaseResult } from './types';

/** Fires one due timer, if any, in the caller's transaction: claiming and acting commit together. */
export const fireDueTimer = async ({
  tx,
  now,
}: UseCaseContext): Promise<UseCaseResult<{ fired: boolean }>> => {
  const timer = await tx.timers.claimNextDue(now);
  if (!timer) {
    return { value: { fired: false }, events: [] };
  }
  switch (timer.kind) {
    case 'offer.deadline': {
      const { events } = await expireOffer({ tx, now, offerId: timer.subjectId });
      return { value: { fired: true }, events };
    }
  }
};
