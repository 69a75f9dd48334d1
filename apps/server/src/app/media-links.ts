import type { Clock } from '@switchboard/core';
import type { SecretBox } from './secret-box';

/** How long a provider may take to fetch a file we send: they fetch at once, and retry within hours. */
const LINK_TTL_MS = 24 * 3600_000;

/**
 * Links to the files agents send, for the provider to fetch (WhatsApp's `link`, Twilio's
 * `MediaUrl`, Messenger's attachment `url`): public, since the provider has no session of ours,
 * but signed (HMAC of the file's id and the link's expiry) and expiring, so that a link is a key to
 * that one file for a day and cannot be made for any other.
 * `GET /media/:attachmentId/:expires/:signature/:name` checks them (http/routes/media.ts).
 */
export const createMediaLinks = ({
  secrets,
  publicUrl,
  clock,
}: {
  secrets: SecretBox;
  publicUrl: string;
  clock: Clock;
}) => {
  const signed = (attachmentId: string, expires: number) => `${attachmentId}.${expires}`;
  return {
    linkFor: ({ attachmentId, name }: { attachmentId: string; name: string | null }): string => {
      const expires = Math.floor((clock.now().getTime() + LINK_TTL_MS) / 1000);
      const signature = secrets.sign(signed(attachmentId, expires));
      // The name last, for providers that show it (Twilio, Messenger take the URL's last segment).
      return `${publicUrl.replace(/\/+$/, '')}/media/${attachmentId}/${expires}/${signature}/${encodeURIComponent(name ?? 'file')}`;
    },
    /** Whether the link's parts are ours and it has not expired. */
    isValid: ({
      attachmentId,
      expires,
      signature,
    }: {
      attachmentId: string;
      expires: number;
      signature: string;
    }) => expires * 1000 > clock.now().getTime() && secrets.verify(signed(attachmentId, expires), signature),
  };
};

export type MediaLinks = ReturnType<typeof createMediaLinks>;
