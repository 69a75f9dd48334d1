import { retentionCutoff } from '../attachments';
import { maskSensitiveData } from '../masking/index';
import type { MessageAttachment } from '../model';
import type { UseCaseContext, UseCaseResult } from './types';

/**
 * Data kept no longer than needed (PCI DSS: a card number is stored only as long as the business
 * needs it, and unreadable where it is): SENSITIVE_DATA_RETENTION_DAYS after a conversation ended,
 * every value the masker finds in its stored text (card numbers, IBANs, identity numbers, e-mail
 * addresses, phone numbers) is overwritten with its masked form, for good: the messages both ways
 * (transfer comments too, in the thread and on the transfer itself), the names of its files and the
 * agents' wrap-up notes. The transcript stays
 * readable (`4111 1111 1111 1111` becomes `***************1111`), reports keep their counts, and a
 * supervisor can no longer reveal what is gone. Numbers in national form are read with the entry
 * point's region, as masking reads them. Masking on the desktop is another matter: it hides values
 * from agents while they are kept; this removes them.
 */
export const redactStoredText = (text: string, region: string | null): { text: string; values: number } => {
  const { text: masked, findings } = maskSensitiveData({
    text,
    ...(region ? { defaultRegion: region } : {}),
  });
  return { text: masked, values: findings.length };
};

/**
 * One batch: up to `limit` conversations that ended more than `days` days ago and still hold their
 * values, taken oldest first by a process no other holds (FOR UPDATE SKIP LOCKED), redacted and
 * marked, in this transaction. `days` 0 keeps everything.
 */
export const redactEndedConversations = async ({
  tx,
  now,
  days,
  limit,
}: UseCaseContext & { days: number; limit: number }): Promise<
  UseCaseResult<{ conversations: number; values: number }>
> => {
  const endedBefore = retentionCutoff({ now, days });
  if (!endedBefore) {
    return { value: { conversations: 0, values: 0 }, events: [] };
  }
  const claimed = await tx.redaction.claimEnded({ endedBefore, limit });
  let values = 0;
  for (const { id, region } of claimed) {
    const redact = (text: string) => {
      const done = redactStoredText(text, region);
      values += done.values;
      return done.text;
    };
    const redactName = (name: string | null) => (name === null ? null : redact(name));
    for (const message of await tx.redaction.messagesOf(id)) {
      const body = redact(message.body);
      const attachments: MessageAttachment[] | null =
        message.attachments?.map((a) => ({ ...a, name: redactName(a.name) })) ?? null;
      const namesChanged = attachments?.some((a, i) => a.name !== message.attachments?.[i]?.name) ?? false;
      if (body !== message.body || namesChanged) {
        await tx.redaction.setMessage({ id: message.id, body, attachments });
      }
    }
    for (const file of await tx.redaction.fileNamesOf(id)) {
      const name = redact(file.name);
      if (name !== file.name) {
        await tx.redaction.setFileName({ id: file.id, name });
      }
    }
    for (const participant of await tx.redaction.notesOf(id)) {
      const notes = redact(participant.notes);
      if (notes !== participant.notes) {
        await tx.redaction.setNotes({ id: participant.id, notes });
      }
    }
    for (const request of await tx.redaction.requestCommentsOf(id)) {
      const comment = redact(request.comment);
      if (comment !== request.comment) {
        await tx.redaction.setRequestComment({ id: request.id, comment });
      }
    }
    await tx.redaction.markRedacted({ id, at: now });
  }
  return { value: { conversations: claimed.length, values }, events: [] };
};
