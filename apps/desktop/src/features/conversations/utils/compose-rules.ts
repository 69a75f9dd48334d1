import type { TChannel } from '@switchboard/contracts';
import { SEND_FILE_MAX_BYTES, SENDABLE_FILE_TYPES } from '@switchboard/contracts/constants';
import {
  countCharacters,
  type MessagingWindow,
  messagingWindow,
  type SmsSegments,
  smsSegments,
  validateAgentMessageBody,
} from '@switchboard/core';

/**
 * Webex live chat guide (seed 002): "de tekens < en > zijn gereserveerd voor vervangbare parameters
 * in berichtsjablonen". The composer blocks these keys and explains why.
 */
export const isReservedKey = (key: string): boolean => key === '<' || key === '>';

export type DraftCheck = {
  count: number;
  limit: number;
  overLimit: boolean;
  /** Pasted or dropped text can still bring them in: the hint stays and Send waits. */
  hasReserved: boolean;
  canSend: boolean;
  /** SMS: how many messages the text costs, and in which encoding (GSM-7 or UCS-2). */
  sms: SmsSegments | null;
};

/** The composer's view of a draft. Whether it may be sent is core's rule, shared with the server. */
export const checkDraft = ({
  body,
  channel,
  composeLimit,
}: {
  body: string;
  channel: TChannel;
  composeLimit: number;
}): DraftCheck => {
  const count = countCharacters(body);
  const overLimit = count > composeLimit;
  const problem = validateAgentMessageBody({ body, channel });
  return {
    count,
    limit: composeLimit,
    overLimit,
    hasReserved: [...body].some(isReservedKey),
    canSend: problem === null && !overLimit,
    sms: channel === 'sms' ? smsSegments(body) : null,
  };
};

/**
 * WhatsApp's 24-hour customer-service window and Messenger's (7 days with the HUMAN_AGENT tag):
 * core's rule, the one the server enforces. Null on channels without one, or before the first
 * customer message is known.
 */
export const windowOf = ({
  channel,
  customerWroteAt,
  now,
}: {
  channel: TChannel;
  customerWroteAt: string | null;
  now: number;
}): MessagingWindow | null =>
  (channel === 'whatsapp' || channel === 'messenger') && customerWroteAt
    ? messagingWindow({ channel, lastCustomerMessageAt: new Date(customerWroteAt), now: new Date(now) })
    : null;

/** Why a file cannot be sent on this channel (the server says the same), or null. */
export type FileProblem =
  | { key: 'composer.fileType' | 'composer.fileEmpty' }
  | { key: 'composer.fileTooLarge'; mb: number };

export const checkFile = (
  { type, size }: { type: string; size: number },
  channel: TChannel,
): FileProblem | null => {
  if (!SENDABLE_FILE_TYPES.includes(type.split(';')[0]?.trim().toLowerCase() ?? '')) {
    return { key: 'composer.fileType' };
  }
  if (size === 0) {
    return { key: 'composer.fileEmpty' };
  }
  const max = SEND_FILE_MAX_BYTES[channel];
  return size > max ? { key: 'composer.fileTooLarge', mb: max / 1024 / 1024 } : null;
};
