import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Dates and times in the desk's language, not the browser's. */
export const useFormatters = () => {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => {
    const time = new Intl.DateTimeFormat(language, { hour: 'numeric', minute: '2-digit' });
    const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    const format = (formatter: Intl.DateTimeFormat) => (iso: string) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? '' : formatter.format(date);
    };
    return { time: format(time), dateTime: format(dateTime) };
  }, [language]);
};
