import { randomBytes } from 'node:crypto';
import { type EntryPointWrite, regionOfEntryPoint } from '@switchboard/core';
import type { Store } from '@switchboard/store';
import type { SecretBox } from '../app/secret-box';

const secret = () => randomBytes(24).toString('base64url');

/**
 * One entry point per provider channel for the provider simulator (/simulator), on the demo's
 * Support queue: their secrets are random, made here, and never leave this process. Seeded once;
 * one an administrator deleted stays deleted.
 */
export const seedSimulatorEntryPoints = async ({ store, secrets }: { store: Store; secrets: SecretBox }) => {
  const existing = await store.admin.entryPoints.list();
  if (existing.some((e) => e.simulated)) {
    return { seeded: false };
  }
  const queues = await store.admin.queues.list();
  const queue = queues.find((q) => q.name === 'Support') ?? queues[0];
  if (!queue) {
    return { seeded: false };
  }
  const seal = (fields: Record<string, string>) =>
    Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, secrets.seal(v)]));
  const assets: Omit<EntryPointWrite, 'queueId'>[] = [
    {
      name: 'WhatsApp (simulator)',
      channel: 'whatsapp',
      settings: { phoneNumberId: '100000000000001', displayPhoneNumber: '+15550001111' },
      templates: [
        {
          name: 'follow_up',
          language: 'de',
          body: 'Hallo {{1}}, hier ist der Kundenservice. Können wir Ihnen noch helfen?',
        },
        {
          name: 'order_update',
          language: 'en',
          body: 'Hello {{1}}, your order {{2}} has an update. Reply to continue.',
        },
      ],
      sealedSecrets: seal({ accessToken: secret(), appSecret: secret(), verifyToken: secret() }),
    },
    {
      name: 'SMS (simulator)',
      channel: 'sms',
      settings: { accountSid: `AC${randomBytes(16).toString('hex')}`, phoneNumber: '+46700000000' },
      sealedSecrets: seal({ authToken: secret() }),
    },
    {
      name: 'Messenger (simulator)',
      channel: 'messenger',
      settings: { pageId: '200000000000002', pageName: 'Switchboard Demo Shop' },
      sealedSecrets: seal({ pageAccessToken: secret(), appSecret: secret(), verifyToken: secret() }),
    },
  ];
  await store.adminTransaction(async (_tx, admin) => {
    for (const asset of assets) {
      // As an administrator's asset would: national numbers read in the region of its number.
      const region = regionOfEntryPoint({ channel: asset.channel, settings: asset.settings, region: null });
      await admin.entryPoints.create({ ...asset, queueId: queue.id, simulated: true, region });
    }
  });
  return { seeded: true };
};
