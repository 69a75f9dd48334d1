import type { TChannel } from '@switchboard/contracts';
import { COMPOSE_LIMITS } from './channels';
import type { ErrorCode } from './errors';

export type MessageBodyProblem = Extract<
  ErrorCode,
  'MESSAGE_EMPTY' | 'MESSAGE_TOO_LONG' | 'MESSAGE_RESERVED_CHARACTERS'
>;

/** Code points, so an emoji counts once, as the customer's phone counts it. */
export const countCharacters = (text: string): number => {
  let n = 0;
  for (const _ of text) {
    n++;
  }
  return n;
};

/** Customers may write anything but nothing empty, and within the channel's limit. */
export const validateCustomerMessageBody = ({
  body,
  channel,
}: {
  body: string;
  channel: TChannel;
}): MessageBodyProblem | null => {
  if (body.trim().length === 0) {
    return 'MESSAGE_EMPTY';
  }
  if (countCharacters(body) > COMPOSE_LIMITS[channel]) {
    return 'MESSAGE_TOO_LONG';
  }
  return null;
};

/**
 * The agent's compose rules: the customer's, and `<` and `>` are reserved for template parameters
 * (Webex live chat guide: "de tekens < en > zijn gereserveerd"); extra line breaks are allowed.
 */
export const validateAgentMessageBody = (input: {
  body: string;
  channel: TChannel;
}): MessageBodyProblem | null =>
  validateCustomerMessageBody(input) ?? (/[<>]/.test(input.body) ? 'MESSAGE_RESERVED_CHARACTERS' : null);
