import { isPlanChanged } from './pg-named-statements';

// PostgreSQL's deadlock_detected and serialization_failure: the transaction can simply run again.
const RETRYABLE_CODES = new Set(['40P01', '40001']);

/**
 * Whether a failed transaction can simply run again: a deadlock, a serialisation failure, or a
 * prepared statement that a migration outdated (a rolling upgrade; the statement is prepared
 * afresh on the next run, see pg-named-statements.ts). drizzle wraps the driver's error in its
 * own, with the driver's as its cause.
 */
export const isRetryableTransactionFailure = (err: unknown): boolean => {
  const cause = (err as { cause?: unknown } | null)?.cause;
  return [err, cause].some(
    (e) => RETRYABLE_CODES.has((e as { code?: string } | null)?.code ?? '') || isPlanChanged(e),
  );
};
