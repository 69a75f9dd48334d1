import {
  LIVECHAT_FILE_BYTES_PER_CONVERSATION,
  LIVECHAT_FILES_PER_CONVERSATION,
  SENDABLE_FILE_MAX_BYTES,
} from '@switchboard/contracts';
import { checkSentFile, fileNameOf } from '../attachments';
import { AppError } from '../errors';
import type { StoredMessage } from '../model';
import { postCustomerMessage } from './post-customer-message';
import type { UseCaseContext, UseCaseResult } from './types';

/**
 * A file a live-chat customer sends from the widget (a screenshot, a receipt): a customer message
 * that names it (`[image] photo.png`, what transcripts and previews show) with the file kept in
 * the same transaction, ready at once (nothing to fetch). Only pictures, PDF and plain text, at
 * most SENDABLE_FILE_MAX_BYTES, never empty, within what one chat may hold
 * (LIVECHAT_FILES_PER_CONVERSATION, LIVECHAT_FILE_BYTES_PER_CONVERSATION); a repeated `clientMessageId` answers the message
 * already stored, as a text send does.
 */
export const postCustomerFile = async ({
  tx,
  now,
  conversationId,
  clientMessageId,
  file,
}: UseCaseContext & {
  conversationId: string;
  clientMessageId: string;
  file: { contentType: string; name: string | null; bytes: Uint8Array };
}): Promise<UseCaseResult<StoredMessage>> => {
  if (!(await tx.settings.get()).acceptCustomerFiles) {
    throw new AppError('FILES_NOT_ACCEPTED');
  }
  const { contentType, kind } = checkSentFile({
    contentType: file.contentType,
    size: file.bytes.byteLength,
    maxBytes: SENDABLE_FILE_MAX_BYTES,
  });
  const name = fileNameOf(file.name);
  const posted = await postCustomerMessage({
    tx,
    now,
    conversationId,
    body: `[${kind}]${name ? ` ${name}` : ''}`,
    clientMessageId,
  });
  const message = posted.value;
  if (posted.events.length === 0) {
    return posted; // the same upload again: the message it stored, with its file
  }
  // Asked once the message is known to be new, so that a repeated upload is still answered.
  const used = await tx.attachments.usage({ conversationId, author: 'customer' });
  if (
    used.files >= LIVECHAT_FILES_PER_CONVERSATION ||
    used.bytes + file.bytes.byteLength > LIVECHAT_FILE_BYTES_PER_CONVERSATION
  ) {
    throw new AppError('FILE_QUOTA_EXCEEDED'); // the message goes with the transaction
  }
  await tx.attachments.add({
    messageId: message.id,
    conversationId,
    entryPointId: (await tx.conversations.get(conversationId))!.entryPointId,
    attachments: [{ kind, source: 'livechat', contentType, name, content: file.bytes }],
    at: now,
  });
  // Answered with its file, as every later read of it shows it.
  return { value: (await tx.messages.get(message.id)) ?? message, events: posted.events };
};
