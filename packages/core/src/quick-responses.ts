import { AppError } from './errors';
import { countCharacters } from './validate-message-body';

/**
 * Quick responses (CXone chat guide, seed 003: "cliquez sur >>, qui ouvre le volet de réponse
 * rapide. Sélectionnez une réponse rapide depuis la liste et remplissez les variables éventuelles.
 * Si MAX a chargé automatiquement la variable, vérifiez que les informations sont correctes (il
 * peut s'agir de votre nom, de l'ID de l'agent, etc.). Cliquez sur Insérer.").
 *
 * An administrator writes the text with variables in double braces: `{{order_number}}` is one the
 * agent fills in; `{{agent_name}}`, `{{agent_id}}` and `{{customer_name}}` the desktop fills in
 * from what it shows (so a masked customer name stays masked), and the agent checks and may change
 * them. Insert puts the filled text into the composer, where the channel's compose rules apply.
 */

/** The variables the system knows, in the order the pane lists them. */
export const KNOWN_QUICK_RESPONSE_VARIABLES = ['agent_name', 'agent_id', 'customer_name'] as const;
export type KnownQuickResponseVariable = (typeof KNOWN_QUICK_RESPONSE_VARIABLES)[number];

/** Long enough for any answer on every channel (the smallest compose limit is 1,000). */
export const QUICK_RESPONSE_MAX_CHARACTERS = 1000;
export const QUICK_RESPONSE_MAX_VARIABLES = 20;

const VARIABLE = /\{\{([a-z][a-z0-9_]{0,39})\}\}/g;
const BRACES = /\{\{|\}\}/;

/** Each variable of the text once, in the order of first use. */
export const quickResponseVariables = (text: string): string[] => {
  const names: string[] = [];
  for (const match of text.matchAll(VARIABLE)) {
    if (!names.includes(match[1]!)) {
      names.push(match[1]!);
    }
  }
  return names;
};

export const isKnownQuickResponseVariable = (name: string): name is KnownQuickResponseVariable =>
  (KNOWN_QUICK_RESPONSE_VARIABLES as readonly string[]).includes(name);

/**
 * The text with each variable replaced by its value; a variable without a value stays as written,
 * so the agent sees in the composer what is still to fill.
 */
export const fillQuickResponse = (text: string, values: Readonly<Record<string, string>>): string =>
  text.replace(VARIABLE, (whole, name: string) => (Object.hasOwn(values, name) ? values[name]! : whole));

/**
 * What an administrator may save as a quick response's text: not empty, at most 1,000 characters,
 * no `<` or `>` (reserved for templates; the agent could not send them), variables well formed
 * (`{{` and `}}` only around a name of lower-case letters, digits and `_`), at most 20 of them.
 */
export const validateQuickResponseText = (text: string): void => {
  if (text.trim().length === 0) {
    throw new AppError('QUICK_RESPONSE_INVALID', 'The text of a quick response must not be empty');
  }
  if (countCharacters(text) > QUICK_RESPONSE_MAX_CHARACTERS) {
    throw new AppError(
      'QUICK_RESPONSE_INVALID',
      `The text of a quick response has at most ${QUICK_RESPONSE_MAX_CHARACTERS} characters`,
    );
  }
  if (/[<>]/.test(text)) {
    throw new AppError('MESSAGE_RESERVED_CHARACTERS');
  }
  if (BRACES.test(text.replace(VARIABLE, ''))) {
    throw new AppError(
      'QUICK_RESPONSE_INVALID',
      'A variable is written {{name}}, the name in lower-case letters, digits and _ (up to 40)',
    );
  }
  if (quickResponseVariables(text).length > QUICK_RESPONSE_MAX_VARIABLES) {
    throw new AppError(
      'QUICK_RESPONSE_INVALID',
      `A quick response has at most ${QUICK_RESPONSE_MAX_VARIABLES} variables`,
    );
  }
};
