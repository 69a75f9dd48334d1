import type { ClaimedSend } from '../model';
import type { UseCaseContext, UseCaseResult } from './types';

/** How long a claimed send is leased to its sender: past it, another process may take it over. */
export const SEND_LEASE_MS = 60_000;

/**
 * The next due send job, leased to the caller (FOR UPDATE SKIP LOCKED in the store), so that
 * several processes share the outbox without sending a message twice.
 */
export const claimDueSend = async ({
  tx,
  now,
}: UseCaseContext): Promise<UseCaseResult<ClaimedSend | null>> => ({
  value: await tx.outbox.claimNextDue({ now, leaseUntil: new Date(now.getTime() + SEND_LEASE_MS) }),
  events: [],
});

/** When the next send job is due, to arm a timer for it. */
export const nextSendDueAt = async ({ tx }: UseCaseContext): Promise<UseCaseResult<Date | null>> => ({
  value: await tx.outbox.nextDueAt(),
  events: [],
});
