import { describe, expect, it } from 'vitest';
import {
  advancesDelivery,
  messagingWindow,
  renderTemplate,
  SEND_MAX_ATTEMPTS,
  sendRetryDelayMs,
} from '../src';

const HOUR = 3_600_000;

describe('delivery status', () => {
  it('moves forward only: sending → sent → delivered → read, or failed', () => {
    expect(advancesDelivery('sending', 'sent')).toBe(true);
    expect(advancesDelivery('sent', 'read')).toBe(true); // WhatsApp may skip delivered
    expect(advancesDelivery('read', 'delivered')).toBe(false); // out of order
    expect(advancesDelivery('delivered', 'delivered')).toBe(false); // at least once
    expect(advancesDelivery('sent', 'failed')).toBe(true);
    expect(advancesDelivery('delivered', 'failed')).toBe(false);
    expect(advancesDelivery('failed', 'read')).toBe(true);
    expect(advancesDelivery('failed', 'sent')).toBe(false);
  });
});

describe('messaging windows', () => {
  const now = new Date('2026-01-10T12:00:00Z');
  const ago = (hours: number) => new Date(now.getTime() - hours * HOUR);

  it('WhatsApp: free text for 24 hours after the customer wrote, then templates only', () => {
    expect(messagingWindow({ channel: 'whatsapp', lastCustomerMessageAt: ago(23), now })).toEqual({
      state: 'open',
      closesAt: new Date(ago(23).getTime() + 24 * HOUR),
      humanAgentTag: false,
    });
    expect(messagingWindow({ channel: 'whatsapp', lastCustomerMessageAt: ago(24), now })).toEqual({
      state: 'closed',
      templatesOnly: true,
    });
  });

  it('Messenger: HUMAN_AGENT tag from 24 hours to 7 days, then closed; SMS never closes', () => {
    expect(messagingWindow({ channel: 'messenger', lastCustomerMessageAt: ago(30), now })).toMatchObject({
      state: 'open',
      humanAgentTag: true,
    });
    expect(messagingWindow({ channel: 'messenger', lastCustomerMessageAt: ago(7 * 24), now })).toEqual({
      state: 'closed',
      templatesOnly: false,
    });
    expect(messagingWindow({ channel: 'sms', lastCustomerMessageAt: null, now }).state).toBe('open');
  });
});

describe('send retries', () => {
  it('back off exponentially with jitter, capped at five minutes', () => {
    expect(sendRetryDelayMs({ attempts: 1, jitter: 0 })).toBe(500);
    expect(sendRetryDelayMs({ attempts: 1, jitter: 0.99 })).toBeLessThan(1000);
    expect(sendRetryDelayMs({ attempts: 4, jitter: 1 })).toBe(8000);
    expect(sendRetryDelayMs({ attempts: 30, jitter: 1 })).toBe(300_000);
    expect(SEND_MAX_ATTEMPTS).toBeGreaterThan(3);
  });
});

describe('templates', () => {
  it('fill {{1}}, {{2}}... with exactly as many parameters', () => {
    expect(renderTemplate('Hallo {{1}}, Auftrag {{2}}. Gruß, {{1}}', ['Melissa', '42'])).toBe(
      'Hallo Melissa, Auftrag 42. Gruß, Melissa',
    );
    expect(renderTemplate('Hallo {{1}}', [])).toBeNull();
    expect(renderTemplate('Hallo {{1}}', ['a', 'b'])).toBeNull();
    expect(renderTemplate('Hallo {{2}}', ['a'])).toBeNull();
    expect(renderTemplate('Hallo', [])).toBe('Hallo');
  });
});
