import type {
  TAdminEntryPoint,
  TChannel,
  TCreateEntryPointRequest,
  TMessageTemplate,
  TUpdateEntryPointRequest,
} from '@switchboard/contracts';
import { ENTRY_POINT_FIELDS } from '@switchboard/contracts/constants';

/** Settings a channel may go without: Twilio's messaging service, and a provider API's address. */
export const OPTIONAL_SETTINGS: ReadonlySet<string> = new Set(['messagingServiceSid', 'apiBaseUrl']);

/** A channel's fields as the form shows them: settings (with the API's address last), then secrets. */
export const fieldsOf = (channel: TChannel): { settings: readonly string[]; secrets: readonly string[] } => {
  const fields = ENTRY_POINT_FIELDS[channel];
  return {
    settings: channel === 'livechat' ? [] : [...fields.settings, 'apiBaseUrl'],
    secrets: fields.secrets,
  };
};

/** An asset as the form edits it: every field as typed; a secret typed is a new one, empty keeps it. */
export interface EntryPointDraft {
  channel: TChannel;
  name: string;
  queueId: string;
  /** '' reads the region from the asset's number (WhatsApp, SMS), else none. */
  region: string;
  fields: Record<string, string>;
  templates: TMessageTemplate[];
}

export const emptyEntryPointDraft = (channel: TChannel, queueId: string): EntryPointDraft => ({
  channel,
  name: '',
  queueId,
  region: '',
  fields: {},
  templates: [],
});

export const draftOfEntryPoint = (entryPoint: TAdminEntryPoint): EntryPointDraft => ({
  channel: entryPoint.channel,
  name: entryPoint.name,
  queueId: entryPoint.queueId,
  region: entryPoint.region ?? '',
  fields: Object.fromEntries(
    Object.entries(entryPoint.settings).filter((entry): entry is [string, string] => entry[1] !== null),
  ),
  templates: entryPoint.templates.map((template) => ({ ...template })),
});

const typed = (draft: EntryPointDraft, field: string) => (draft.fields[field] ?? '').trim();

/** A new asset: its channel's fields as typed (an empty optional one left out), secrets included. */
export const createEntryPointRequest = (draft: EntryPointDraft): TCreateEntryPointRequest => {
  const { settings, secrets } = fieldsOf(draft.channel);
  const fields: Record<string, string> = {};
  for (const field of [...settings, ...secrets]) {
    const value = typed(draft, field);
    if (value !== '' || !OPTIONAL_SETTINGS.has(field)) {
      fields[field] = value;
    }
  }
  return {
    channel: draft.channel,
    name: draft.name.trim(),
    queueId: draft.queueId,
    ...(draft.region.trim() === '' ? {} : { region: draft.region.trim() }),
    ...fields,
    ...(draft.channel === 'whatsapp' && draft.templates.length > 0 ? { templates: draft.templates } : {}),
  } as TCreateEntryPointRequest;
};

/**
 * What changed: name, queue, region ('' reads it from the number again), each setting (an optional
 * one emptied is removed), a secret only when a new one is typed, the templates as a whole.
 */
export const updateEntryPointRequest = (
  draft: EntryPointDraft,
  entryPoint: TAdminEntryPoint,
): TUpdateEntryPointRequest => {
  const patch: Record<string, unknown> = {};
  if (draft.name.trim() !== entryPoint.name) {
    patch.name = draft.name.trim();
  }
  if (draft.queueId !== entryPoint.queueId) {
    patch.queueId = draft.queueId;
  }
  const region = draft.region.trim().toUpperCase();
  if (region !== (entryPoint.region ?? '')) {
    patch.region = region === '' ? null : region;
  }
  const { settings, secrets } = fieldsOf(draft.channel);
  for (const field of settings) {
    const value = typed(draft, field);
    const current = entryPoint.settings[field] ?? '';
    if (value !== current) {
      patch[field] = value === '' && OPTIONAL_SETTINGS.has(field) ? null : value;
    }
  }
  for (const field of secrets) {
    if (typed(draft, field) !== '') {
      patch[field] = typed(draft, field);
    }
  }
  if (
    draft.channel === 'whatsapp' &&
    JSON.stringify(draft.templates) !== JSON.stringify(entryPoint.templates)
  ) {
    patch.templates = draft.templates;
  }
  return patch as TUpdateEntryPointRequest;
};
