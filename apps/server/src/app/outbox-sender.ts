import { providerAdapter, type SendOutcome } from '@switchboard/channels';
import {
  type ClaimedSend,
  type Clock,
  claimDueSends,
  type DomainEvent,
  isProviderChannel,
  messagingWindow,
  recordSendOutcome,
  releaseSends,
} from '@switchboard/core';
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { MediaLinks } from './media-links';
import type { ProviderConfigs } from './provider-configs';
import type { UseCaseRunner } from './services';

const SWEEP_MS = 1000;

/** Picture types WhatsApp, Twilio and Messenger all show as a picture. */
const PICTURES_EVERY_PROVIDER_TAKES: ReadonlySet<string> = new Set(['image/jpeg', 'image/png']);

/**
 * The outbox's sender: claims due send jobs (FOR UPDATE SKIP LOCKED, leased), sends each with
 * its channel's adapter, and records what the provider answered. Several workers run side by
 * side; a one-second sweep takes jobs due later or left by a process that stopped (their lease
 * ran out). Started and stopped with the server, like the timer scheduler.
 */
export const createOutboxSender = ({
  run,
  clock,
  logger,
  configs,
  config,
  workers = 4,
  conversations = 16,
  perConversation = 8,
  random = Math.random,
  fetchFn,
  links,
}: {
  run: UseCaseRunner;
  clock: Clock;
  logger: Logger;
  configs: ProviderConfigs;
  config: Config;
  workers?: number;
  /** Conversations a worker claims in one transaction, and its sends to each. */
  conversations?: number;
  perConversation?: number;
  random?: () => number;
  fetchFn?: typeof fetch;
  /** The signed links providers fetch an agent's files from. */
  links: MediaLinks;
}) => {
  const timeouts = new Set<NodeJS.Timeout>();
  let sweep: NodeJS.Timeout | null = null;
  let stopped = true;
  let active = 0;
  const running = new Set<Promise<void>>();

  const send = async (job: ClaimedSend): Promise<SendOutcome> => {
    const entry = await configs.get(job.entryPointId);
    if (!entry || !isProviderChannel(job.channel)) {
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
    const window = messagingWindow({
      channel: entry.channel,
      lastCustomerMessageAt: job.lastCustomerMessageAt,
      now: clock.now(),
    });
    const adapter = providerAdapter(entry.channel);
    // An agent's file goes as the provider's media message, fetched from our signed link; alone,
    // without the `[document] name` label the desk shows.
    const file = job.template ? undefined : job.message.attachments?.[0];
    return adapter.send({
      config: entry.config as never,
      message: {
        to: job.to,
        body: file ? '' : job.message.body,
        ...(file
          ? {
              media: {
                url: links.linkFor({ attachmentId: file.id, name: file.name }),
                // WhatsApp's and Messenger's pictures are JPEG or PNG (Messenger also GIF): a GIF or
                // WebP goes as a document, which every provider takes.
                kind: PICTURES_EVERY_PROVIDER_TAKES.has(file.contentType ?? '')
                  ? ('image' as const)
                  : ('document' as const),
                contentType: file.contentType ?? 'application/octet-stream',
                name: file.name,
              },
            }
          : {}),
        humanAgentTag: window.state === 'open' && window.humanAgentTag,
        ...(job.template ? { template: job.template } : {}),
        ...(entry.channel === 'sms'
          ? { statusCallbackUrl: `${config.publicUrl.replace(/\/+$/, '')}/webhooks/sms/${entry.id}/status` }
          : {}),
      },
      ...(fetchFn ? { fetch: fetchFn } : {}),
    });
  };

  /** Sends one job; when it is to be retried, the time it is due again. */
  const deliver = async (job: ClaimedSend): Promise<Date | null> => {
    const outcome = await send(job).catch(
      (err: Error): SendOutcome => ({
        ok: false,
        retryable: true,
        error: { code: 'unknown', providerCode: null, reason: err.message },
      }),
    );
    const { retryAt } = await run(recordSendOutcome, {
      jobId: job.jobId,
      messageId: job.message.id,
      conversationId: job.message.conversationId,
      attempts: job.attempts,
      result: outcome,
      jitter: random(),
    });
    if (!outcome.ok) {
      logger.warn({ messageId: job.message.id, error: outcome.error }, 'send failed');
    }
    return retryAt;
  };

  /**
   * Each worker claims a few jobs in one transaction and sends them: conversations side by side,
   * each conversation's replies one after the other, in the order the agent wrote them.
   */
  const work = async () => {
    while (!stopped) {
      const jobs = await run(claimDueSends, { conversations, perConversation });
      if (jobs.length === 0) {
        return;
      }
      const byConversation = new Map<string, ClaimedSend[]>();
      for (const job of jobs) {
        const list = byConversation.get(job.message.conversationId) ?? [];
        list.push(job);
        byConversation.set(job.message.conversationId, list);
      }
      await Promise.all(
        [...byConversation.values()].map(async (inOrder) => {
          for (const [i, job] of inOrder.entries()) {
            const retryAt = await deliver(job);
            if (retryAt) {
              // Retried later: the replies after it wait for it, due again with it.
              const rest = inOrder.slice(i + 1).map((j) => j.jobId);
              await run(releaseSends, { jobIds: rest, dueAt: retryAt });
              return;
            }
          }
        }),
      );
    }
  };

  /** Starts workers up to the limit; each drains what is due, then ends. */
  const drain = () => {
    while (!stopped && active < workers) {
      active++;
      const p: Promise<void> = work()
        .catch((err) => logger.error({ err }, 'outbox sender failed'))
        .finally(() => {
          active--;
          running.delete(p);
        });
      running.add(p);
    }
  };

  const armAt = (dueAt: Date) => {
    if (stopped) {
      return;
    }
    const t = setTimeout(
      () => {
        timeouts.delete(t);
        drain();
      },
      Math.max(0, dueAt.getTime() - clock.now().getTime()) + 5,
    );
    timeouts.add(t);
  };

  return {
    start: () => {
      stopped = false;
      sweep = setInterval(drain, SWEEP_MS);
      drain();
    },
    stop: async () => {
      stopped = true;
      if (sweep) {
        clearInterval(sweep);
      }
      for (const t of timeouts) {
        clearTimeout(t);
      }
      timeouts.clear();
      await Promise.all(running);
    },
    /** Everything claimable now has been sent or rescheduled (tests). */
    idle: async () => {
      while (running.size > 0) {
        await Promise.all(running);
      }
    },
    drain,
    listener: (event: DomainEvent) => {
      if (event.type === 'send.queued') {
        if (event.dueAt.getTime() <= clock.now().getTime()) {
          drain();
        } else {
          armAt(event.dueAt);
        }
      }
    },
  };
};

export type OutboxSender = ReturnType<typeof createOutboxSender>;
