import { describe, expect, it } from 'vitest';
import { detectLanguage, matchLanguage } from './languages';

describe('matchLanguage', () => {
  it('takes the primary subtag of a BCP 47 tag', () => {
    expect(matchLanguage('de-AT')).toBe('de');
    expect(matchLanguage('sv_SE')).toBe('sv');
    expect(matchLanguage('NL')).toBe('nl');
    expect(matchLanguage('pt-BR')).toBeNull();
  });
});

describe('detectLanguage', () => {
  it('prefers the stored choice', () => {
    expect(detectLanguage({ stored: 'fr', preferred: ['de-DE'] })).toBe('fr');
  });

  it('ignores an unknown stored value and walks the browser preferences in order', () => {
    expect(detectLanguage({ stored: 'xx', preferred: ['pt-BR', 'es-MX', 'en'] })).toBe('es');
  });

  it('falls back to English', () => {
    expect(detectLanguage({ stored: null, preferred: ['ja-JP'] })).toBe('en');
    expect(detectLanguage({ stored: null, preferred: [] })).toBe('en');
  });
});
