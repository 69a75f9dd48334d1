import type { LanguageCode } from '../languages';
import { de } from './de';
import { en, type LocaleMessages } from './en';
import { es } from './es';
import { fr } from './fr';
import { nl } from './nl';
import { sv } from './sv';

/** Bundled with the app: six small objects cost less than a request per language switch. */
export const LOCALES: Record<LanguageCode, LocaleMessages> = { en, de, sv, nl, fr, es };
