import { SEND_FILE_MAX_BYTES } from '@switchboard/contracts';
import { checkSentFile, fileNameOf } from '../attachments';
import { AppError } from '../errors';
import type { StoredMessage } from '../model';
import { postAgentMessage } from './post-agent-message';
import type { UseCaseContext, UseCaseResult } from './types';

/**
 * A file an agent sends to the customer (a return label, a picture of where the serial number is):
 * an agent message that names it (`[document] label.pdf`) with the file kept in the same
 * transaction, and on WhatsApp, SMS and Messenger its send job, which sends the file itself (the
 * outbox gives the provider a signed link to it). Everything a text send checks holds (taking
 * part, the conversation open, the asset there, the messaging window); the file must be a picture,
 * a PDF or plain text within the channel's limit (SEND_FILE_MAX_BYTES), never empty. A repeated
 * `clientMessageId` answers the message already stored.
 */
export const postAgentFile = async ({
  tx,
  now,
  conversationId,
  agentId,
  agentName,
  clientMessageId,
  file,
}: UseCaseContext & {
  conversationId: string;
  agentId: string;
  agentName: string;
  clientMessageId: string;
  file: { contentType: string; name: string | null; bytes: Uint8Array };
}): Promise<UseCaseResult<StoredMessage>> => {
  const conversation = await tx.conversations.get(conversationId);
  if (!conversation) {
    throw new AppError('CONVERSATION_NOT_FOUND');
  }
  const { contentType, kind } = checkSentFile({
    contentType: file.contentType,
    size: file.bytes.byteLength,
    maxBytes: SEND_FILE_MAX_BYTES[conversation.channel],
  });
  const name = fileNameOf(file.name);
  // `<` and `>` are reserved in what agents write (template parameters): not in a file's label.
  const label = name?.replace(/[<>]/g, '');
  const posted = await postAgentMessage({
    tx,
    now,
    conversationId,
    agentId,
    agentName,
    body: `[${kind}]${label ? ` ${label}` : ''}`,
    clientMessageId,
  });
  if (posted.events.length === 0) {
    return posted; // the same upload again: the message it stored, with its file
  }
  await tx.attachments.add({
    messageId: posted.value.id,
    conversationId,
    entryPointId: conversation.entryPointId,
    attachments: [{ kind, source: 'agent', contentType, name, content: file.bytes }],
    at: now,
  });
  return { value: (await tx.messages.get(posted.value.id)) ?? posted.value, events: posted.events };
};
