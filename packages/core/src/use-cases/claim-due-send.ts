import type { ClaimedSend } from '../model';
import type { UseCaseContext, UseCaseResult } from './types';

/** How long a claimed send is leased to its sender: past it, another process may take it over. */
export const SEND_LEASE_MS = 60_000;

/**
 * The due send jobs of up to `conversations` conversations (at most `perConversation` each),
 * leased to the caller (FOR UPDATE SKIP LOCKED in the store), so that several processes share the
 * outbox without sending a message twice.
 */
export const claimDueSends = async ({
  tx,
  now,
  conversations,
  perConversation,
}: UseCaseContext & { conversations: number; perConversation: number }): Promise<
  UseCaseResult<ClaimedSend[]>
> => ({
  value: await tx.outbox.claimDue({
    now,
    leaseUntil: new Date(now.getTime() + SEND_LEASE_MS),
    conversations,
    perConversation,
  }),
  events: [],
});

/** Claimed jobs left unsent behind a failed earlier reply of their conversation: due again with it. */
export const releaseSends = async ({
  tx,
  jobIds,
  dueAt,
}: UseCaseContext & { jobIds: string[]; dueAt: Date }): Promise<UseCaseResult<void>> => {
  await tx.outbox.release({ jobIds, dueAt });
  return { value: undefined, events: [] };
};

/** When the next send job is due, to arm a timer for it. */
export const nextSendDueAt = async ({ tx }: UseCaseContext): Promise<UseCaseResult<Date | null>> => ({
  value: await tx.outbox.nextDueAt(),
  events: [],
});
