/**
 * *Beyond* the seeds (product.md, "The conversation"): a contact tab turns urgent when the blue
 * timer, how long the customer has waited for an answer, passes the queue's response-time target.
 * The seeds' agents watch the timers of up to twelve chats; this says which one to answer first.
 */
export const isAnswerOverdue = ({
  waitingSince,
  responseTargetSeconds,
  now,
}: {
  /** When the customer's oldest unanswered message arrived; null when nothing waits for an answer. */
  waitingSince: string | Date | null;
  responseTargetSeconds: number;
  now: number;
}): boolean => {
  if (waitingSince === null) {
    return false;
  }
  const since = typeof waitingSince === 'string' ? Date.parse(waitingSince) : waitingSince.getTime();
  return Number.isFinite(since) && now - since > responseTargetSeconds * 1000;
};
