import { AppError } from '../errors';
import type { StoredMessage } from '../model';
import { authorizeParticipant } from './authorize-participant';
import type { UseCaseContext, UseCaseResult } from './types';

/** A template's body with its parameters in place of {{1}}, {{2}}...; null when they do not fit. */
export const renderTemplate = (body: string, parameters: readonly string[]): string | null => {
  const used = new Set([...body.matchAll(/\{\{(\d+)\}\}/g)].map((m) => Number(m[1])));
  if (used.size !== parameters.length || [...used].some((n) => n < 1 || n > parameters.length)) {
    return null;
  }
  return body.replace(/\{\{(\d+)\}\}/g, (_, n: string) => parameters[Number(n) - 1] ?? '');
};

/**
 * WhatsApp: an approved template, the one thing an agent may send once the customer's 24-hour
 * window has closed (Cloud API: `type: "template"`). Stored with its text as the customer reads
 * it, and sent through the outbox like any reply.
 */
export const sendTemplateMessage = async ({
  tx,
  now,
  conversationId,
  agentId,
  agentName,
  templateName,
  parameters,
  clientMessageId,
}: UseCaseContext & {
  conversationId: string;
  agentId: string;
  agentName: string;
  templateName: string;
  parameters: string[];
  clientMessageId: string;
}): Promise<UseCaseResult<StoredMessage>> => {
  const { conversation, participant } = await authorizeParticipant({ tx, conversationId, agentId });
  if (participant.state !== 'active' || conversation.status === 'ended') {
    throw new AppError('CONVERSATION_ENDED');
  }
  const entryPoint = await tx.entryPoints.get(conversation.entryPointId);
  if (!entryPoint || entryPoint.deletedAt) {
    throw new AppError('ENTRY_POINT_DELETED');
  }
  const template =
    conversation.channel === 'whatsapp'
      ? (await tx.entryPoints.templates(entryPoint.id)).find((t) => t.name === templateName)
      : undefined;
  if (!template) {
    throw new AppError('TEMPLATE_NOT_FOUND');
  }
  const body = renderTemplate(template.body, parameters);
  if (body === null) {
    throw new AppError('VALIDATION_FAILED', `The template ${template.name} takes other parameters`, {
      issues: [{ field: 'body.parameters', message: 'one value for each {{n}} of the template' }],
    });
  }
  const { message, created } = await tx.messages.append({
    conversationId,
    author: 'agent',
    authorUserId: agentId,
    authorName: agentName,
    body,
    systemEvent: null,
    clientMessageId,
    createdAt: now,
    entryPointId: entryPoint.id,
    deliveryStatus: 'sending',
  });
  if (!created) {
    return { value: message, events: [] };
  }
  await tx.outbox.enqueue({
    messageId: message.id,
    entryPointId: entryPoint.id,
    conversationId,
    seq: message.seq,
    template: { name: template.name, language: template.language, parameters },
    dueAt: now,
    at: now,
  });
  return {
    value: message,
    events: [
      { type: 'message.created', conversationId, messageId: message.id },
      { type: 'send.queued', messageId: message.id, dueAt: now },
    ],
  };
};
