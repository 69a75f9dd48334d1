import { providerAdapter } from '@switchboard/channels';
import {
  ATTACHMENT_MAX_BYTES,
  type ClaimedAttachment,
  claimDueAttachments,
  type DomainEvent,
  expireAttachments,
  type FetchResult,
  recordAttachmentFetch,
} from '@switchboard/core';
import type { Logger } from 'pino';
import type { ProviderConfigs } from './provider-configs';
import type { UseCaseRunner } from './services';

/** Retries and files left by a process that stopped (their lease ran out) are found this often. */
const SWEEP_MS = 2000;
/** Files past the retention period are removed this often, in batches of EXPIRE_BATCH. */
const EXPIRE_EVERY_MS = 10 * 60_000;
const EXPIRE_BATCH = 200;

/**
 * Fetches the files customers send (a photo, a PDF, a voice note) from their provider once the
 * message is stored: a listener of `attachments.wanted`, so the webhook never waits for a download.
 * Claims are leased (FOR UPDATE SKIP LOCKED), as the outbox's, so several processes share the work
 * and a restart resumes it; a sweep takes retries when they are due. Each file's outcome is
 * recorded in core (`recordAttachmentFetch`): kept, tried again later, or given up on with the
 * provider's reason, which the agent's bubble shows.
 */
export const createAttachmentFetcher = ({
  run,
  logger,
  configs,
  workers = 2,
  perClaim = 4,
  random = Math.random,
  fetchFn,
  timeoutMs,
  retentionDays,
}: {
  run: UseCaseRunner;
  logger: Logger;
  configs: ProviderConfigs;
  /** Kept files are removed this many days after they arrived (ATTACHMENT_RETENTION_DAYS); 0 keeps them. */
  retentionDays: number;
  /** Claims in flight at once, each of up to `perClaim` files fetched side by side. */
  workers?: number;
  perClaim?: number;
  random?: () => number;
  fetchFn?: typeof fetch;
  timeoutMs?: number;
}) => {
  let sweep: NodeJS.Timeout | null = null;
  let retention: NodeJS.Timeout | null = null;
  let expiring: Promise<number> | null = null;
  let stopped = true;
  let active = 0;
  const running = new Set<Promise<void>>();

  const download = async (file: ClaimedAttachment): Promise<FetchResult> => {
    const entry = await configs.get(file.entryPointId);
    const fetchMedia = entry && !entry.deleted ? providerAdapter(entry.channel).fetchMedia : undefined;
    if (!entry || !fetchMedia) {
      return {
        ok: false,
        retryable: false,
        error: {
          code: 'invalid_request',
          providerCode: null,
          reason: 'The entry point has no provider settings',
        },
      };
    }
    return fetchMedia({
      config: entry.config as never,
      source: file.source,
      maxBytes: ATTACHMENT_MAX_BYTES,
      ...(fetchFn ? { fetch: fetchFn } : {}),
      ...(timeoutMs ? { timeoutMs } : {}),
    });
  };

  const fetchOne = async (file: ClaimedAttachment) => {
    const result = await download(file).catch(
      (err: Error): FetchResult => ({
        ok: false,
        retryable: true,
        error: { code: 'unknown', providerCode: null, reason: err.message },
      }),
    );
    if (!result.ok) {
      logger.warn(
        { code: 'ATTACHMENT_UNFETCHED', attachmentId: file.id, attempts: file.attempts, error: result.error },
        'customer file not fetched',
      );
    }
    await run(recordAttachmentFetch, { attachment: file, result, jitter: random() });
  };

  const work = async (messageId?: string) => {
    while (!stopped) {
      const files = await run(claimDueAttachments, { limit: perClaim, ...(messageId ? { messageId } : {}) });
      if (files.length === 0) {
        return;
      }
      await Promise.all(files.map(fetchOne));
    }
  };

  /** Starts a worker (up to the limit); it takes what is due, of one message first when given. */
  const drain = (messageId?: string) => {
    if (stopped || active >= workers) {
      return;
    }
    active++;
    const p: Promise<void> = work(messageId)
      .then(() => (messageId ? work() : undefined))
      .catch((err) => logger.error({ err }, 'attachment fetcher failed'))
      .finally(() => {
        active--;
        running.delete(p);
      });
    running.add(p);
  };

  /** Removes what the retention period has passed, batch after batch; never two passes at once. */
  const expire = (): Promise<number> => {
    expiring ??= (async () => {
      let removed = 0;
      for (;;) {
        const batch = await run(expireAttachments, { days: retentionDays, limit: EXPIRE_BATCH });
        removed += batch;
        if (batch < EXPIRE_BATCH || stopped) {
          return removed;
        }
      }
    })()
      .then((removed) => {
        if (removed > 0) {
          logger.info({ removed, retentionDays }, 'customer files past the retention period removed');
        }
        return removed;
      })
      .catch((err: unknown) => {
        logger.error({ err }, 'removing customer files past the retention period failed');
        return 0;
      })
      .finally(() => {
        expiring = null;
      });
    return expiring;
  };

  return {
    start: () => {
      stopped = false;
      sweep = setInterval(() => drain(), SWEEP_MS);
      drain();
      if (retentionDays > 0) {
        retention = setInterval(() => void expire(), EXPIRE_EVERY_MS);
        retention.unref();
        void expire();
      }
    },
    stop: async () => {
      stopped = true;
      if (sweep) {
        clearInterval(sweep);
      }
      if (retention) {
        clearInterval(retention);
      }
      await Promise.all([...running, expiring]);
    },
    /** A retention pass now (tests; the server runs one every ten minutes). */
    expire,
    /** Everything claimable now has been fetched or rescheduled (tests). */
    idle: async () => {
      while (running.size > 0) {
        await Promise.all(running);
      }
    },
    listener: (event: DomainEvent) => {
      if (event.type === 'attachments.wanted') {
        drain(event.messageId);
      }
    },
  };
};

export type AttachmentFetcher = ReturnType<typeof createAttachmentFetcher>;
