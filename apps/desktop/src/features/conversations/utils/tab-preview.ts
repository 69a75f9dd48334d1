import type { TMessage } from '@switchboard/contracts';

/**
 * The message a conversation's tab shows under the customer's name: the newest one a person wrote
 * (the customer's question, the agent's answer), not a line of the system's that came after it
 * ("Alice Agent joined the chat" right after Accept would hide what the customer asked). A system
 * line only when the desk has nothing else: `messages` when loaded, else the summary's last message.
 */
export const tabPreviewMessage = (
  messages: readonly TMessage[],
  lastMessage: TMessage | null,
): TMessage | null => {
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i]!.author !== 'system') {
      return messages[i]!;
    }
  }
  return lastMessage;
};
