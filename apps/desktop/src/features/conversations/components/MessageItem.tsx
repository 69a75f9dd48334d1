import type { TMessage } from '@switchboard/contracts';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../shared/ui/Avatar';
import { describeError } from '../../i18n/describe-error';
import type { PendingMessage } from '../conversations-state';
import { captionOf } from '../utils/caption';
import { systemText } from '../utils/system-text';
import { AttachmentView } from './AttachmentView';

/**
 * Seeds: "the grey bubble represents customer messages with their initials, a solid blue bubble
 * represents agent messages". System lines sit in the middle.
 */
export const MessageItem = ({
  message,
  customerName,
  formatTime,
  onResend,
  attachmentUrl,
}: {
  message: TMessage;
  customerName: string;
  formatTime: (iso: string) => string;
  /** Where a file of this message is read; without it, files are named only. */
  attachmentUrl?: ((attachmentId: string) => string) | undefined;
  /** WhatsApp, SMS, Messenger: send again a message whose delivery failed. */
  onResend?: (messageId: string) => void;
}) => {
  const { t } = useTranslation();
  const time = <time dateTime={message.createdAt}>{formatTime(message.createdAt)}</time>;

  if (message.author === 'system') {
    return (
      <li className="msg msg--system">
        <span className="msg__system-text">{systemText(message, t)}</span> {time}
      </li>
    );
  }
  if (message.author === 'customer') {
    const customerCaption = captionOf(message);
    // The conversation's name: a Messenger customer's is read after their first messages were stored.
    return (
      <li className="msg msg--customer">
        <Avatar name={customerName || message.authorName} size="sm" />
        <div className="msg__content">
          {customerCaption !== null && <p className="bubble bubble--customer">{customerCaption}</p>}
          {message.attachments?.map((attachment) => (
            <AttachmentView
              key={attachment.id}
              attachment={attachment}
              url={attachmentUrl?.(attachment.id)}
              senderName={customerName || message.authorName}
            />
          ))}
          <p className="msg__meta">
            {customerName || message.authorName} · {time}
          </p>
        </div>
      </li>
    );
  }
  const caption = captionOf(message);
  return (
    <li className="msg msg--agent">
      <div className="msg__content">
        {caption !== null && <p className="bubble bubble--agent">{caption}</p>}
        {message.attachments?.map((attachment) => (
          <AttachmentView
            key={attachment.id}
            attachment={attachment}
            url={attachmentUrl?.(attachment.id)}
            senderName={message.authorName}
          />
        ))}
        <p className="msg__meta">
          {message.authorName} · {time}
          {message.deliveryStatus && message.deliveryStatus !== 'failed' && (
            <>
              {' · '}
              <span className={`delivery delivery--${message.deliveryStatus}`}>
                {t(`delivery.${message.deliveryStatus}`)}
              </span>
            </>
          )}
        </p>
        {message.deliveryStatus === 'failed' && (
          <div className="msg__meta msg__meta--error" role="alert">
            <span>
              {t('delivery.failed')}: {message.deliveryError?.reason ?? ''}
            </span>
            {onResend && (
              <button className="link-button" type="button" onClick={() => onResend(message.id)}>
                {t('conversations.retry')}
              </button>
            )}
          </div>
        )}
      </div>
    </li>
  );
};

/** An agent message not yet stored: "Sending…", or "Not sent" with Retry and Discard. */
export const PendingItem = ({
  pending,
  onRetry,
  onDiscard,
}: {
  pending: PendingMessage;
  onRetry: (clientMessageId: string) => void;
  onDiscard: (clientMessageId: string) => void;
}) => {
  const { t } = useTranslation();
  const failed = pending.status === 'failed';
  return (
    <li className={`msg msg--agent msg--pending${failed ? ' msg--failed' : ''}`}>
      <div className="msg__content">
        <p className="bubble bubble--agent">{pending.body}</p>
        {failed ? (
          <div className="msg__meta msg__meta--error" role="alert">
            <span>
              {t('conversations.notSent')}: {describeError(pending.error, t)}
            </span>
            <button className="link-button" type="button" onClick={() => onRetry(pending.clientMessageId)}>
              {t('conversations.retry')}
            </button>
            <button className="link-button" type="button" onClick={() => onDiscard(pending.clientMessageId)}>
              {t('conversations.discard')}
            </button>
          </div>
        ) : (
          <p className="msg__meta">{t('conversations.sending')}</p>
        )}
      </div>
    </li>
  );
};
