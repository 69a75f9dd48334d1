import type { TConversationDetail, TConversationSummary, TMessage } from '@switchboard/contracts';
import type { ApiClient } from '../../shared/api/api-client';

const base = (id: string) => `/api/conversations/${encodeURIComponent(id)}`;

export const fetchConversation = (api: ApiClient, id: string) => api.get<TConversationDetail>(base(id));

/** Catch-up after a reconnect: only what came after the last message held (or all of it). */
export const fetchMessagesAfter = (api: ApiClient, id: string, after: number | null) =>
  api.get<{ messages: TMessage[] }>(`${base(id)}/messages${after === null ? '' : `?after=${after}`}`);

export const postMessage = (api: ApiClient, id: string, request: { body: string; clientMessageId: string }) =>
  api.post<TMessage>(`${base(id)}/messages`, request);

export const postResendMessage = (api: ApiClient, id: string, messageId: string) =>
  api.post<TMessage>(`${base(id)}/messages/${encodeURIComponent(messageId)}/retry`);

/** A file for the customer: the agent's message that names it, with the file (docs/api.md). */
export const postFile = (api: ApiClient, id: string, file: File, clientMessageId: string) =>
  api.upload<TMessage>(
    `${base(id)}/attachments?${new URLSearchParams({ clientMessageId, name: file.name.slice(0, 255) })}`,
    file,
  );

export const postTemplateMessage = (
  api: ApiClient,
  id: string,
  request: { templateName: string; parameters: string[]; clientMessageId: string },
) => api.post<TMessage>(`${base(id)}/template-messages`, request);

export const postEndConversation = (api: ApiClient, id: string) =>
  api.post<TConversationSummary>(`${base(id)}/end`);
