import { INLINE_IMAGE_TYPES, LIVECHAT_FILE_MAX_BYTES, LIVECHAT_FILE_TYPES } from '@switchboard/contracts';
import { fileNameOf } from '../attachments';
import { AppError } from '../errors';
import type { StoredMessage } from '../model';
import { postCustomerMessage } from './post-customer-message';
import type { UseCaseContext, UseCaseResult } from './types';

/**
 * A file a live-chat customer sends from the widget (a screenshot, a receipt): a customer message
 * that names it (`[image] photo.png`, what transcripts and previews show) with the file kept in
 * the same transaction, ready at once (nothing to fetch). Only pictures, PDF and plain text, at
 * most LIVECHAT_FILE_MAX_BYTES, never empty; a repeated `clientMessageId` answers the message
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
  const contentType = file.contentType.split(';')[0]!.trim().toLowerCase();
  if (!LIVECHAT_FILE_TYPES.includes(contentType)) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Only pictures (JPEG, PNG, GIF, WebP), PDF and plain text can be sent',
    );
  }
  if (file.bytes.byteLength > LIVECHAT_FILE_MAX_BYTES) {
    throw new AppError('BODY_TOO_LARGE');
  }
  if (file.bytes.byteLength === 0) {
    throw new AppError('VALIDATION_FAILED', 'The file is empty');
  }
  const kind = INLINE_IMAGE_TYPES.includes(contentType) ? ('image' as const) : ('document' as const);
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
