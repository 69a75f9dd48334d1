import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/api-error';
import { createI18n } from './create-i18n';
import { describeError } from './describe-error';

const failure = (code: string, message: string, details?: unknown) =>
  new ApiError({ status: 409, code, message, details });

describe('the text of a failure', () => {
  it('names who and why, translated, when the server says so', () => {
    const { t } = createI18n({ language: 'de' });
    const busy = failure('AGENT_NOT_AVAILABLE', 'Bob Agent is not Available (rona)', {
      name: 'Bob Agent',
      state: 'rona',
    });
    expect(describeError(busy, t)).toBe('Bob Agent ist nicht verfügbar (RONA)');
    const full = failure('AGENT_AT_LIMIT', 'Bob Agent already has 3 of 3 conversations', {
      name: 'Bob Agent',
      load: 3,
      limit: 3,
    });
    expect(describeError(full, createI18n({ language: 'sv' }).t)).toBe(
      'Bob Agent har redan 3 av 3 konversationer',
    );
  });

  it('falls back to the code’s text when a name is missing, and to the server’s message for an unknown code', () => {
    const { t } = createI18n({ language: 'fr' });
    expect(describeError(failure('AGENT_NOT_AVAILABLE', 'x', { state: 'idle' }), t)).toBe(
      'L’agent n’est pas Disponible',
    );
    expect(describeError(failure('SOMETHING_NEW', 'The server says so'), t)).toBe('The server says so');
  });
});
