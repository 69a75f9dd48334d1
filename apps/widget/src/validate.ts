import { countCharacters } from '@switchboard/core';
import type { TranslationKey } from './i18n';

/**
 * The start form's rules, mirroring `ZStartChatRequestSchema` (contracts/livechat.ts) without
 * bundling zod: the name is trimmed, 1–100 characters; the e-mail is optional, trimmed, lower-cased,
 * at most 254 characters and matches zod's e-mail pattern. Lengths are code points, as zod 4 and
 * `countCharacters` count them (an emoji is one character).
 */
export const NAME_MAX = 100;
export const EMAIL_MAX = 254;

/** zod 4's `email()` pattern (zod/v4/core/regexes.js), kept identical so client and server agree. */
export const EMAIL_PATTERN =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

export interface StartFormInput {
  name: string;
  email: string;
}

export interface StartFormResult {
  errors: { name?: TranslationKey; email?: TranslationKey };
  /** What to send when there are no errors. */
  value: { name: string; email?: string };
}

export const validateStartForm = (input: StartFormInput): StartFormResult => {
  const name = input.name.trim();
  const email = input.email.trim().toLowerCase();
  const errors: StartFormResult['errors'] = {};
  if (name.length === 0) {
    errors.name = 'nameRequired';
  } else if (countCharacters(name) > NAME_MAX) {
    errors.name = 'nameTooLong';
  }
  if (email.length > 0 && (countCharacters(email) > EMAIL_MAX || !EMAIL_PATTERN.test(email))) {
    errors.email = 'emailInvalid';
  }
  return { errors, value: email.length > 0 ? { name, email } : { name } };
};

export interface ComposeState {
  /** Characters as the counter shows them (code points, as the server counts them). */
  count: number;
  over: boolean;
  canSend: boolean;
}

/** The composer's counter and whether Send is allowed: something other than blanks, within the limit. */
export const composeState = (text: string, limit: number): ComposeState => {
  const count = countCharacters(text);
  const over = count > limit;
  return { count, over, canSend: !over && text.trim().length > 0 };
};
