import i18next, { type i18n } from 'i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, type LanguageCode } from './languages';
import { LOCALES } from './locales';

/**
 * A fresh i18next instance for one mounted app (never i18next's global default), initialised
 * synchronously from the bundled resources so the first render is already translated.
 */
export const createI18n = ({ language }: { language: LanguageCode }): i18n => {
  const instance = i18next.createInstance();
  void instance.init({
    resources: Object.fromEntries(
      Object.entries(LOCALES).map(([code, messages]) => [code, { translation: messages }]),
    ),
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: LANGUAGES.map((l) => l.code),
    initAsync: false,
    // React escapes what it renders; escaping twice would show "&lt;" in the composer hint.
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  return instance;
};
