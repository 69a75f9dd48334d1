/** The desktop's languages: the seeds' five plus English. Names are endonyms, never translated. */
export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'de', name: 'Deutsch' },
  { code: 'sv', name: 'Svenska' },
  { code: 'nl', name: 'Nederlands' },
  { code: 'fr', name: 'Français' },
  { code: 'es', name: 'Español' },
] as const;

export type LanguageCode = (typeof LANGUAGES)[number]['code'];

export const DEFAULT_LANGUAGE: LanguageCode = 'en';

/** Where the agent's choice is kept between visits. */
export const LANGUAGE_STORAGE_KEY = 'switchboard.desktop.language';

export const isLanguageCode = (value: unknown): value is LanguageCode =>
  typeof value === 'string' && LANGUAGES.some((l) => l.code === value);

/** `de-AT` → `de`; anything we do not speak → null. */
export const matchLanguage = (tag: string): LanguageCode | null => {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return isLanguageCode(primary) ? primary : null;
};

/**
 * The agent's own choice wins; otherwise the browser's preferences in order
 * (`navigator.languages`); otherwise English.
 */
export const detectLanguage = ({
  stored,
  preferred,
}: {
  stored: string | null;
  preferred: readonly string[];
}): LanguageCode => {
  if (isLanguageCode(stored)) {
    return stored;
  }
  for (const tag of preferred) {
    const match = matchLanguage(tag);
    if (match) {
      return match;
    }
  }
  return DEFAULT_LANGUAGE;
};
