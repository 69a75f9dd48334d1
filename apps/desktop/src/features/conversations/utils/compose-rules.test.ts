import { describe, expect, it } from 'vitest';
import { checkDraft, checkFile, isReservedKey, windowOf } from './compose-rules';

describe('checkDraft', () => {
  const check = (body: string, composeLimit = 10) => checkDraft({ body, channel: 'livechat', composeLimit });

  it('counts code points, so an emoji counts once', () => {
    expect(check('héllo 👋').count).toBe(7);
  });

  it('refuses empty and blank drafts', () => {
    expect(check('').canSend).toBe(false);
    expect(check(' \n ').canSend).toBe(false);
  });

  it('allows extra line breaks', () => {
    expect(check('a\n\nb').canSend).toBe(true);
  });

  it('refuses < and > wherever they come from', () => {
    const result = check('a <b>');
    expect(result.hasReserved).toBe(true);
    expect(result.canSend).toBe(false);
  });

  it('refuses a draft over the conversation limit and flags it', () => {
    expect(check('0123456789').canSend).toBe(true);
    const over = check('0123456789x');
    expect(over.overLimit).toBe(true);
    expect(over.canSend).toBe(false);
    expect(over.limit).toBe(10);
  });

  it('still reports the reserved characters of a draft that is also too long', () => {
    expect(check('<'.repeat(20)).hasReserved).toBe(true);
  });
});

describe('isReservedKey', () => {
  it('is true for < and > only', () => {
    expect(['<', '>', 'a', 'Enter', ','].map(isReservedKey)).toEqual([true, true, false, false, false]);
  });
});

describe('messaging windows in the composer', () => {
  const wrote = '2026-01-10T10:00:00.000Z';
  const at = (hours: number) => Date.parse(wrote) + hours * 3_600_000;

  it('WhatsApp: open with the time left for 24 hours, then closed to free text', () => {
    expect(windowOf({ channel: 'whatsapp', customerWroteAt: wrote, now: at(23) })).toMatchObject({
      state: 'open',
    });
    expect(windowOf({ channel: 'whatsapp', customerWroteAt: wrote, now: at(24) })).toEqual({
      state: 'closed',
      templatesOnly: true,
    });
  });

  it('Messenger: the HUMAN_AGENT tag after 24 hours; none on SMS or live chat', () => {
    expect(windowOf({ channel: 'messenger', customerWroteAt: wrote, now: at(30) })).toMatchObject({
      humanAgentTag: true,
    });
    expect(windowOf({ channel: 'sms', customerWroteAt: wrote, now: at(30) })).toBeNull();
    expect(windowOf({ channel: 'livechat', customerWroteAt: null, now: at(30) })).toBeNull();
  });
});

describe('a file the agent picks', () => {
  it('goes when it is a picture, a PDF or text within the channel’s limit', () => {
    expect(checkFile({ type: 'image/png', size: 1000 }, 'livechat')).toBeNull();
    expect(checkFile({ type: 'application/pdf', size: 9 * 1024 * 1024 }, 'messenger')).toBeNull();
  });

  it('says why it does not, as the server would', () => {
    expect(checkFile({ type: 'text/html', size: 10 }, 'livechat')).toEqual({ key: 'composer.fileType' });
    expect(checkFile({ type: '', size: 10 }, 'livechat')).toEqual({ key: 'composer.fileType' });
    expect(checkFile({ type: 'image/png', size: 0 }, 'livechat')).toEqual({ key: 'composer.fileEmpty' });
    // WhatsApp's pictures and Twilio's MMS take 5 MB.
    expect(checkFile({ type: 'image/jpeg', size: 6 * 1024 * 1024 }, 'whatsapp')).toEqual({
      key: 'composer.fileTooLarge',
      mb: 5,
    });
    expect(checkFile({ type: 'image/jpeg', size: 6 * 1024 * 1024 }, 'livechat')).toBeNull();
  });
});
