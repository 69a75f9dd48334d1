import { type ReactNode, useEffect, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from './create-i18n';
import { detectLanguage, LANGUAGE_STORAGE_KEY } from './languages';

const readStoredLanguage = (): string | null => {
  try {
    return window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null;
  }
};

/** Creates the app's i18n instance and keeps `<html lang>` in step with the language shown. */
export const I18nRoot = ({ children }: { children: ReactNode }) => {
  const [i18n] = useState(() =>
    createI18n({
      language: detectLanguage({ stored: readStoredLanguage(), preferred: navigator.languages ?? [] }),
    }),
  );

  useEffect(() => {
    const apply = (language: string) => {
      document.documentElement.lang = language;
    };
    apply(i18n.resolvedLanguage ?? i18n.language);
    i18n.on('languageChanged', apply);
    return () => i18n.off('languageChanged', apply);
  }, [i18n]);

  return <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;
};
