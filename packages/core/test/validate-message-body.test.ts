import { describe, expect, it } from 'vitest';
import { COMPOSE_LIMITS } from '../src/channels';
import {
  countCharacters,
  validateAgentMessageBody,
  validateCustomerMessageBody,
} from '../src/validate-message-body';

describe('the agent composer rules', () => {
  it('follows the seeds: WhatsApp 4,096 characters; SMS, live chat and Messenger 1,000', () => {
    expect(COMPOSE_LIMITS).toEqual({ whatsapp: 4096, sms: 1000, livechat: 1000, messenger: 1000 });
  });

  it('refuses < and >, reserved for template parameters', () => {
    expect(validateAgentMessageBody({ body: 'a < b', channel: 'livechat' })).toBe(
      'MESSAGE_RESERVED_CHARACTERS',
    );
    expect(validateAgentMessageBody({ body: '->', channel: 'sms' })).toBe('MESSAGE_RESERVED_CHARACTERS');
    expect(validateCustomerMessageBody({ body: 'I <3 you', channel: 'livechat' })).toBeNull();
  });

  it('allows extra line breaks, and refuses a blank message', () => {
    expect(validateAgentMessageBody({ body: 'Hi\n\n\nBye', channel: 'livechat' })).toBeNull();
    expect(validateAgentMessageBody({ body: ' \n\t', channel: 'livechat' })).toBe('MESSAGE_EMPTY');
  });

  it('counts characters as the customer sees them, not UTF-16 units', () => {
    expect(countCharacters('👍🏽é')).toBe(3);
    expect(validateAgentMessageBody({ body: '😀'.repeat(1000), channel: 'livechat' })).toBeNull();
    expect(validateAgentMessageBody({ body: 'x'.repeat(1001), channel: 'livechat' })).toBe(
      'MESSAGE_TOO_LONG',
    );
    expect(validateAgentMessageBody({ body: 'x'.repeat(4096), channel: 'whatsapp' })).toBeNull();
  });
});
