import { INLINE_IMAGE_TYPES, type TAttachment } from '@switchboard/contracts';
import { useTranslation } from 'react-i18next';

/** `1.2 MB`, `640 KB`, `312 B`: a file's size as people read it. */
export const formatBytes = (bytes: number): string =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : bytes >= 1024
      ? `${Math.round(bytes / 1024)} KB`
      : `${bytes} B`;

/**
 * A file in a bubble (the customer's or an agent's): a picture shown (a click opens it whole), a voice
 * note or a video played here, anything else a link that downloads it; while the server fetches it
 * from the provider, a line that says so; if the provider would not give it, why. Without `url`
 * (a conversation read where its files cannot be opened) the file is named only.
 */
export const AttachmentView = ({
  attachment,
  url,
  senderName,
}: {
  attachment: TAttachment;
  url: string | undefined;
  senderName: string;
}) => {
  const { t } = useTranslation();
  const kind = t(`attachments.kind.${attachment.kind}`);
  if (attachment.status === 'pending') {
    return <p className="attachment attachment--pending">{t('attachments.fetching', { kind })}</p>;
  }
  if (attachment.status === 'expired') {
    return <p className="attachment attachment--pending">{t('attachments.expired', { kind })}</p>;
  }
  if (attachment.status === 'failed') {
    return (
      <p className="attachment attachment--failed">
        {t('attachments.failed', { kind })}: {attachment.error?.reason ?? ''}
      </p>
    );
  }
  const label = `${attachment.name ?? kind}${attachment.size !== null ? ` (${formatBytes(attachment.size)})` : ''}`;
  if (!url) {
    return <p className="attachment">{label}</p>;
  }
  const picture =
    (attachment.kind === 'image' || attachment.kind === 'sticker') &&
    INLINE_IMAGE_TYPES.includes(attachment.contentType ?? '');
  if (picture) {
    return (
      <a className="attachment attachment--image" href={url} target="_blank" rel="noopener noreferrer">
        <img src={url} alt={t('attachments.imageAlt', { kind, name: senderName })} loading="lazy" />
      </a>
    );
  }
  return (
    <div className="attachment">
      {attachment.kind === 'audio' && (
        // biome-ignore lint/a11y/useMediaCaption: a customer's voice note has no captions to give.
        <audio
          controls
          preload="none"
          src={url}
          aria-label={t('attachments.play', { kind, name: senderName })}
        />
      )}
      {attachment.kind === 'video' && (
        // biome-ignore lint/a11y/useMediaCaption: a customer's video comes without captions.
        <video
          controls
          preload="none"
          src={url}
          aria-label={t('attachments.play', { kind, name: senderName })}
        />
      )}
      <a href={url} download={attachment.name ?? undefined} aria-label={t('attachments.download', { label })}>
        {label}
      </a>
    </div>
  );
};
