import type { ProviderChannel } from '@switchboard/core';
import { messengerAdapter } from '../messenger/messenger-adapter';
import { smsAdapter } from '../sms/sms-adapter';
import { whatsappAdapter } from '../whatsapp/whatsapp-adapter';
import type { ConfigOf, ProviderAdapter } from './provider-adapter';

const ADAPTERS: { [C in ProviderChannel]: ProviderAdapter<ConfigOf<C>> } = {
  whatsapp: whatsappAdapter,
  sms: smsAdapter,
  messenger: messengerAdapter,
};

/** The provider adapter of a channel (stateless: configuration comes with each call). */
export const providerAdapter = <C extends ProviderChannel>(channel: C): ProviderAdapter<ConfigOf<C>> =>
  ADAPTERS[channel];

export const isProviderChannel = (channel: string): channel is ProviderChannel => channel in ADAPTERS;
