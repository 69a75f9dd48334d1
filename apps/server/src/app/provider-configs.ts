import type { ConfigOf, ProviderConfig } from '@switchboard/channels';
import type { EntryPointConfig, ProviderChannel } from '@switchboard/core';
import type { Store } from '@switchboard/store';
import type { Config } from '../config';
import type { SecretBox } from './secret-box';

export interface ProviderEntryPoint {
  id: string;
  channel: ProviderChannel;
  deleted: boolean;
  simulated: boolean;
  config: ProviderConfig;
}

const text = (v: string | null | undefined) => v ?? '';

/** An entry point's stored settings and opened secrets as its adapter's configuration. */
export const toProviderConfig = (
  entry: EntryPointConfig,
  secrets: Record<string, string>,
  defaults: Config['providerApiUrls'],
): ProviderConfig | null => {
  const s = entry.settings;
  switch (entry.channel) {
    case 'whatsapp':
      return {
        channel: 'whatsapp',
        phoneNumberId: text(s.phoneNumberId),
        displayPhoneNumber: text(s.displayPhoneNumber),
        accessToken: text(secrets.accessToken),
        appSecret: text(secrets.appSecret),
        verifyToken: text(secrets.verifyToken),
        apiBaseUrl: s.apiBaseUrl ?? defaults.whatsapp,
      } satisfies ConfigOf<'whatsapp'>;
    case 'sms':
      return {
        channel: 'sms',
        accountSid: text(s.accountSid),
        authToken: text(secrets.authToken),
        phoneNumber: text(s.phoneNumber),
        messagingServiceSid: s.messagingServiceSid ?? null,
        apiBaseUrl: s.apiBaseUrl ?? defaults.sms,
      } satisfies ConfigOf<'sms'>;
    case 'messenger':
      return {
        channel: 'messenger',
        pageId: text(s.pageId),
        pageName: text(s.pageName),
        pageAccessToken: text(secrets.pageAccessToken),
        appSecret: text(secrets.appSecret),
        verifyToken: text(secrets.verifyToken),
        apiBaseUrl: s.apiBaseUrl ?? defaults.messenger,
      } satisfies ConfigOf<'messenger'>;
    default:
      return null;
  }
};

/**
 * Provider entry points by id, with their secrets opened. Kept for a few seconds: a busy webhook
 * reads its entry point once, not on every delivery, and a change reaches it within that time.
 */
export const createProviderConfigs = ({
  store,
  secrets,
  config,
  ttlMs = 5000,
}: {
  store: Store;
  secrets: SecretBox;
  config: Config;
  ttlMs?: number;
}) => {
  const cache = new Map<string, { at: number; value: ProviderEntryPoint | null }>();
  const load = async (id: string): Promise<ProviderEntryPoint | null> => {
    const entry = await store.admin.entryPoints.get(id);
    if (!entry) {
      return null;
    }
    const opened = Object.fromEntries(
      Object.entries(entry.sealedSecrets).map(([k, v]) => {
        try {
          return [k, secrets.open(v)];
        } catch {
          // Sealed with another key: as if unset, so every signature check fails (401), never a 500.
          return [k, ''];
        }
      }),
    );
    const found = toProviderConfig(entry, opened, config.providerApiUrls);
    if (!found) {
      return null;
    }
    // The simulator's entry points send to the simulator's provider API, in this same process.
    const providerConfig = entry.simulated
      ? { ...found, apiBaseUrl: `${config.publicUrl.replace(/\/+$/, '')}/simulator/api/${found.channel}` }
      : found;
    return {
      id: entry.id,
      channel: providerConfig.channel,
      deleted: entry.deletedAt !== null,
      simulated: entry.simulated,
      config: providerConfig,
    };
  };
  return {
    get: async (id: string): Promise<ProviderEntryPoint | null> => {
      const hit = cache.get(id);
      if (hit && Date.now() - hit.at < ttlMs) {
        return hit.value;
      }
      const value = await load(id);
      cache.set(id, { at: Date.now(), value });
      if (cache.size > 1000) {
        cache.delete(cache.keys().next().value as string);
      }
      return value;
    },
    forget: (id: string) => {
      cache.delete(id);
    },
  };
};

export type ProviderConfigs = ReturnType<typeof createProviderConfigs>;
