import type { TAdminEntryPoint } from '@switchboard/contracts';
import { describe, expect, it } from 'vitest';
import {
  createEntryPointRequest,
  draftOfEntryPoint,
  emptyEntryPointDraft,
  fieldsOf,
  updateEntryPointRequest,
} from './entry-point-form';

const sms: TAdminEntryPoint = {
  id: 'e1',
  name: 'SMS Sweden',
  channel: 'sms',
  queueId: 'q1',
  key: 'e1',
  region: 'SE',
  webhookUrl: 'https://contact.example.com/webhooks/sms/e1',
  settings: { accountSid: 'AC1', phoneNumber: '+46701234567', messagingServiceSid: 'MG1' },
  secretsSet: ['authToken'],
  templates: [],
  simulated: false,
  deletedAt: null,
};

describe('the administrator’s asset form', () => {
  it('asks each channel for its own fields, the API’s address last, secrets apart', () => {
    expect(fieldsOf('livechat')).toEqual({ settings: [], secrets: [] });
    expect(fieldsOf('sms')).toEqual({
      settings: ['accountSid', 'phoneNumber', 'messagingServiceSid', 'apiBaseUrl'],
      secrets: ['authToken'],
    });
  });

  it('creates an asset with what was typed, leaving out empty optional fields and an empty region', () => {
    const draft = emptyEntryPointDraft('sms', 'q1');
    draft.name = ' SMS Sweden ';
    draft.fields = {
      accountSid: ' AC1 ',
      phoneNumber: '+46701234567',
      authToken: 'secret',
      messagingServiceSid: '',
    };
    expect(createEntryPointRequest(draft)).toEqual({
      channel: 'sms',
      name: 'SMS Sweden',
      queueId: 'q1',
      accountSid: 'AC1',
      phoneNumber: '+46701234567',
      authToken: 'secret',
    });
    expect(
      createEntryPointRequest({ ...emptyEntryPointDraft('livechat', 'q1'), name: 'Web', region: 'de' }),
    ).toEqual({
      channel: 'livechat',
      name: 'Web',
      queueId: 'q1',
      region: 'de',
    });
  });

  it('sends nothing for an unchanged asset: secrets are never shown, so an empty one is kept', () => {
    expect(updateEntryPointRequest(draftOfEntryPoint(sms), sms)).toEqual({});
  });

  it('sends what changed: a new secret, an optional setting removed, the region read from the number again', () => {
    const draft = draftOfEntryPoint(sms);
    draft.fields.authToken = 'rotated';
    draft.fields.messagingServiceSid = '';
    draft.region = '';
    expect(updateEntryPointRequest(draft, sms)).toEqual({
      authToken: 'rotated',
      messagingServiceSid: null,
      region: null,
    });
  });
});
