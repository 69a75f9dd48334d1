import { useTranslation } from 'react-i18next';
import { isLanguageCode, LANGUAGE_STORAGE_KEY, LANGUAGES } from '../languages';

/** The agent's choice is remembered; until then the desk follows the browser's languages. */
export const LanguageSwitcher = () => {
  const { t, i18n } = useTranslation();
  const current = LANGUAGES.find((l) => l.code === i18n.resolvedLanguage)?.code ?? 'en';

  const choose = (code: string) => {
    if (!isLanguageCode(code)) {
      return;
    }
    try {
      window.localStorage.setItem(LANGUAGE_STORAGE_KEY, code);
    } catch {
      // Storage can be off (private mode, policy): the switch still applies to this visit.
    }
    void i18n.changeLanguage(code);
  };

  return (
    <select
      className="select select--compact"
      aria-label={t('language.label')}
      value={current}
      onChange={(event) => choose(event.target.value)}
    >
      {LANGUAGES.map((language) => (
        <option key={language.code} value={language.code} lang={language.code}>
          {language.name}
        </option>
      ))}
    </select>
  );
};
