import type { TMessage } from '@switchboard/contracts';

/**
 * CXone's "Copier tout le contenu du clavardage" (seed 003): plain text an agent pastes into an
 * editor. One line per message; the lines of a multi-line message are indented under it.
 */
export const formatTranscript = ({
  heading,
  messages,
  formatTime,
  describeSystem,
}: {
  heading: string;
  messages: readonly TMessage[];
  formatTime: (iso: string) => string;
  describeSystem: (message: TMessage) => string;
}): string => {
  const lines = messages.map((message) => {
    const time = `[${formatTime(message.createdAt)}]`;
    if (message.author === 'system') {
      return `${time} — ${describeSystem(message)} —`;
    }
    const body = message.body.replace(/\r\n?/g, '\n').split('\n').join('\n    ');
    return `${time} ${message.authorName}: ${body}`;
  });
  return [heading, '', ...lines].join('\n');
};
