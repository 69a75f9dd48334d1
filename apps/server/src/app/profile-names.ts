import { providerAdapter } from '@switchboard/channels';
import { type DomainEvent, nameContact } from '@switchboard/core';
import type { Logger } from 'pino';
import type { ProviderConfigs } from './provider-configs';
import type { UseCaseRunner } from './services';

/** Lookups at once: a burst of new Messenger customers must not open a connection each. */
const CONCURRENCY = 4;
/** Lookups waiting beyond that: past it a name is not asked for (it stays the PSID), never queued without end. */
const MAX_WAITING = 1000;

/**
 * Names a new contact from the provider's profile (Messenger's User Profile API) once its first
 * conversation is stored: a listener of `contact.profile_wanted`, so the webhook never waits for
 * it. A lookup that fails (no permission, a PSID the page may not read, a timeout) is logged with
 * its code and changes nothing: the customer stays called by their PSID.
 */
export const createProfileNames = ({
  run,
  configs,
  logger,
  fetchFn,
  timeoutMs,
}: {
  run: UseCaseRunner;
  configs: ProviderConfigs;
  logger: Logger;
  fetchFn?: typeof fetch;
  timeoutMs?: number;
}) => {
  let active = 0;
  const waiting: (() => void)[] = [];

  const lookUp = async (event: Extract<DomainEvent, { type: 'contact.profile_wanted' }>) => {
    const { contactId, entryPointId, identity } = event;
    const entry = await configs.get(entryPointId);
    const read = entry && !entry.deleted ? providerAdapter(entry.channel).readProfileName : undefined;
    if (!entry || !read) {
      return;
    }
    const outcome = await read({
      config: entry.config as never,
      identity,
      ...(fetchFn ? { fetch: fetchFn } : {}),
      ...(timeoutMs ? { timeoutMs } : {}),
    });
    if (!outcome.ok) {
      logger.warn(
        {
          code: 'PROFILE_NAME_UNREAD',
          reason: outcome.error,
          channel: entry.channel,
          entryPointId,
          contactId,
        },
        'customer profile name not read: the contact keeps its channel identity as its name',
      );
      return;
    }
    await run(nameContact, { contactId, name: outcome.name });
  };

  return {
    listener: async (event: DomainEvent) => {
      if (event.type !== 'contact.profile_wanted') {
        return;
      }
      if (active >= CONCURRENCY) {
        if (waiting.length >= MAX_WAITING) {
          logger.warn(
            { code: 'PROFILE_NAME_UNREAD', reason: { code: 'overloaded' }, contactId: event.contactId },
            'customer profile name not read: too many lookups waiting',
          );
          return;
        }
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
      active++;
      try {
        await lookUp(event);
      } finally {
        active--;
        waiting.shift()?.();
      }
    },
  };
};
