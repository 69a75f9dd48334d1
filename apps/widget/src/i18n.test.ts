import { describe, expect, it } from 'vitest';
import { createTranslator, DICTIONARIES, interpolate, LANGUAGES, pickLanguage, placeholders } from './i18n';

const english = DICTIONARIES.en;
const englishKeys = Object.keys(english).sort();

describe('dictionaries', () => {
  it('has the six languages of the product', () => {
    expect([...LANGUAGES].sort()).toEqual(['de', 'en', 'es', 'fr', 'nl', 'sv']);
  });

  it.each(LANGUAGES)('%s has exactly the English keys, none empty', (lang) => {
    const dict: Record<string, string> = DICTIONARIES[lang];
    expect(Object.keys(dict).sort()).toEqual(englishKeys);
    for (const key of englishKeys) {
      expect(dict[key]?.trim(), `${lang}.${key}`).toBeTruthy();
    }
  });

  it.each(LANGUAGES)('%s uses the same placeholders as English', (lang) => {
    const dict: Record<string, string> = DICTIONARIES[lang];
    for (const [key, template] of Object.entries(english)) {
      expect(placeholders(dict[key] ?? ''), `${lang}.${key}`).toEqual(placeholders(template));
    }
  });
});

describe('pickLanguage', () => {
  it('takes the first preferred language the widget speaks, by primary subtag', () => {
    expect(pickLanguage(['de-AT', 'en'])).toBe('de');
    expect(pickLanguage(['nb-NO', 'sv-SE', 'en'])).toBe('sv');
    expect(pickLanguage(['NL'])).toBe('nl');
    expect(pickLanguage(['fr_CA'])).toBe('fr');
    expect(pickLanguage(['es-419'])).toBe('es');
  });

  it('falls back to English', () => {
    expect(pickLanguage([])).toBe('en');
    expect(pickLanguage(['ja', 'zh-CN'])).toBe('en');
    expect(pickLanguage([undefined, null, ''])).toBe('en');
    expect(pickLanguage(['constructor', 'toString'])).toBe('en');
  });
});

describe('translation', () => {
  it('fills placeholders', () => {
    const t = createTranslator('en');
    expect(t('agentJoined', { name: 'Anna' })).toBe('Anna joined the chat');
    expect(t('tooLong', { count: 1001, limit: 1000 })).toBe(
      'The message is too long: 1001 of 1000 characters.',
    );
    expect(createTranslator('de')('typing', { name: 'Jonas' })).toBe('Jonas schreibt…');
  });

  it('leaves unknown placeholders and text without params alone', () => {
    expect(interpolate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    expect(interpolate('{a}')).toBe('{a}');
    expect(interpolate('{toString}', {})).toBe('{toString}');
  });

  it('uses the words the brief fixes for English', () => {
    const t = createTranslator('en');
    expect(t('launcher')).toBe('Chat with us');
    expect(t('panelLabel')).toBe('Live chat');
    expect(t('conversationEnded')).toBe('The agent has ended the chat');
    expect(t('waiting')).toBe('Waiting for an agent…');
    expect(t('attachFile')).toBe('Attach a file');
    expect(t('fileTooLarge', { max: '10 MB' })).toBe('This file is larger than 10 MB.');
    expect(t('fileTypeRefused')).toBe(
      'Only pictures (JPEG, PNG, GIF, WebP), PDF and text files can be sent.',
    );
    expect(t('pictureFrom', { name: 'Alice Agent' })).toBe('Picture from Alice Agent');
    expect(t('downloadFile', { name: 'return-label.pdf' })).toBe('Download return-label.pdf');
  });
});
