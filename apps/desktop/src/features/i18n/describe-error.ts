import type { TFunction } from 'i18next';
import { isApiError } from '../../shared/api/api-error';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The values an error's detailed text names (`errorDetails.<code>`), from the server's details: an
 * agent state is shown translated, as the presence menu names it.
 */
const detailValues = (details: unknown, t: TFunction): Record<string, string> | null => {
  if (!isRecord(details)) {
    return null;
  }
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(details)) {
    if (typeof value === 'string' || typeof value === 'number') {
      values[key] = key === 'state' ? t(`presence.${value}`, { defaultValue: String(value) }) : String(value);
    }
  }
  return values;
};

/**
 * The agent-facing text of a failure: our translation of the server's code when we have one
 * (English repeats the server's catalogue), else the server's own message. Where the server says
 * who or what (the agent not Available and their state, their load and limit, the queue), the
 * detailed translation names them.
 */
export const describeError = (error: unknown, t: TFunction): string => {
  if (isApiError(error)) {
    const values = detailValues(error.details, t);
    const detailKey = `errorDetails.${error.code}`;
    const template = values ? t(detailKey, { defaultValue: '', skipInterpolation: true }) : '';
    const named = [...template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '');
    // A detailed text only when the server gave every name it needs.
    if (values && template !== '' && template !== detailKey && named.every((name) => name in values)) {
      return t(detailKey, values);
    }
    const key = `errors.${error.code}`;
    const translated = t(key, { defaultValue: '' });
    return translated !== '' && translated !== key ? translated : error.message;
  }
  return t('errors.UNKNOWN');
};
