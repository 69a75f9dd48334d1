import { ENTRY_POINT_FIELDS, type TChannel } from '@switchboard/contracts';
import { AppError } from '../../errors';
import { regionOfPhoneNumber } from '../../masking/phone';
import { isRegionCode } from '../../masking/regions';
import type { AdminTx, EntryPointConfig } from './admin-port';

/** What an audit entry or an answer may say of an entry point: never a secret, only which are set. */
export const describeEntryPoint = (e: EntryPointConfig) => ({
  name: e.name,
  channel: e.channel,
  queueId: e.queueId,
  region: e.region,
  settings: e.settings,
  secretsSet: Object.keys(e.sealedSecrets).sort(),
  templates: e.templates.map((t) => `${t.name} (${t.language})`),
});

/** Settings and secrets must be the channel's own; a field of another channel is a 400. */
export const checkEntryPointFields = ({
  channel,
  settings,
  secrets,
  templates,
}: {
  channel: TChannel;
  settings: Record<string, unknown>;
  secrets: Record<string, unknown>;
  templates?: unknown[] | undefined;
}) => {
  if (templates !== undefined && templates.length > 0 && channel !== 'whatsapp') {
    throw new AppError('VALIDATION_FAILED', 'Templates are for WhatsApp entry points', {
      issues: [{ field: 'body.templates', message: 'only WhatsApp has templates' }],
    });
  }
  const allowed = ENTRY_POINT_FIELDS[channel];
  const foreign = [
    ...Object.keys(settings).filter(
      (k) => k !== 'apiBaseUrl' && !(allowed.settings as readonly string[]).includes(k),
    ),
    ...Object.keys(secrets).filter((k) => !(allowed.secrets as readonly string[]).includes(k)),
  ];
  if (foreign.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Not a setting of a ${channel} entry point: ${foreign.join(', ')}`,
      {
        issues: foreign.map((field) => ({ field: `body.${field}`, message: `not a ${channel} setting` })),
      },
    );
  }
};

export const checkQueueExists = async ({ admin, queueId }: { admin: AdminTx; queueId: string }) => {
  if (!(await admin.queues.get(queueId))) {
    throw new AppError('QUEUE_NOT_FOUND');
  }
};

/** The asset's own number, where it has one: a WhatsApp or SMS number in E.164. */
const numberOf = (channel: TChannel, settings: Record<string, string | null>): string | undefined =>
  (channel === 'whatsapp'
    ? settings.displayPhoneNumber
    : channel === 'sms'
      ? settings.phoneNumber
      : undefined) ?? undefined;

/**
 * The region national phone numbers are read in for an asset's conversations (masking): the one
 * the administrator names, else the region of the asset's own number (a Swedish SMS number's
 * customers write `070-123 45 67`), else none (a live chat or a Messenger page with no region set
 * masks numbers in international form only). An unknown code is a 400.
 */
export const regionOfEntryPoint = ({
  channel,
  settings,
  region,
}: {
  channel: TChannel;
  settings: Record<string, string | null>;
  region: string | null | undefined;
}): string | null => {
  if (region !== null && region !== undefined) {
    if (!isRegionCode(region)) {
      throw new AppError('VALIDATION_FAILED', `Not an ISO 3166-1 region: ${region}`, {
        issues: [{ field: 'body.region', message: 'not an ISO 3166-1 alpha-2 code' }],
      });
    }
    return region.toUpperCase();
  }
  const number = numberOf(channel, settings);
  return number === undefined ? null : (regionOfPhoneNumber({ phoneNumber: number }) ?? null);
};
