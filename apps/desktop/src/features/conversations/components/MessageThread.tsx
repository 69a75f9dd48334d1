import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../../app/desk/desk-context';
import { useFormatters } from '../../i18n/use-formatters';
import type { ConversationEntry } from '../conversations-state';
import { MessageItem, PendingItem } from './MessageItem';

/** Near enough to the bottom to follow new messages; further up, the agent is reading history. */
const STICKY_PX = 80;

export const MessageThread = ({ entry }: { entry: ConversationEntry }) => {
  const { t } = useTranslation();
  const { time } = useFormatters();
  const { actions } = useDesk();
  const { summary, messages, pending } = entry;
  const scroller = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const pendingCount = useRef(pending.length);

  // Follow the newest message, unless the agent scrolled up to read; their own send always scrolls.
  useLayoutEffect(() => {
    const element = scroller.current;
    const sentSomething = pending.length > pendingCount.current;
    pendingCount.current = pending.length;
    if (element && (stick.current || sentSomething)) {
      element.scrollTop = element.scrollHeight;
    }
  }, [messages.length, pending.length]);

  const retry = (clientMessageId: string) => actions.retryMessage(summary.id, clientMessageId);
  const discard = (clientMessageId: string) => actions.discardMessage(summary.id, clientMessageId);
  const resend = (messageId: string) => void actions.resendMessage(summary.id, messageId);
  const canResend = summary.participation.state === 'active' && !summary.entryPointDeleted;

  return (
    <div
      ref={scroller}
      className="thread"
      role="log"
      aria-label={t('conversations.threadLabel', { customer: summary.customerName })}
      // Focusable so a keyboard can scroll the history.
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
      tabIndex={0}
      onScroll={(event) => {
        const el = event.currentTarget;
        stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICKY_PX;
      }}
    >
      <ol className="thread__list">
        {messages.map((message) => (
          <MessageItem
            key={message.id}
            message={message}
            customerName={summary.customerName}
            formatTime={time}
            attachmentUrl={(attachmentId) =>
              `/api/conversations/${message.conversationId}/attachments/${attachmentId}`
            }
            {...(canResend ? { onResend: resend } : {})}
          />
        ))}
        {pending.map((p) => (
          <PendingItem key={p.clientMessageId} pending={p} onRetry={retry} onDiscard={discard} />
        ))}
      </ol>
    </div>
  );
};
