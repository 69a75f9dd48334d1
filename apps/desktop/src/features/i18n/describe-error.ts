import type { TFunction } from 'i18next';
import { isApiError } from '../../shared/api/api-error';

/**
 * The agent-facing text of a failure: our translation of the server's code when we have one
 * (English repeats the server's catalogue), else the server's own message.
 */
export const describeError = (error: unknown, t: TFunction): string => {
  if (isApiError(error)) {
    const key = `errors.${error.code}`;
    const translated = t(key, { defaultValue: '' });
    return translated !== '' && translated !== key ? translated : error.message;
  }
  return t('errors.UNKNOWN');
};
