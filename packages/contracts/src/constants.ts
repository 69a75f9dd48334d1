/** Plain values the clients need without zod (kept out of the browser bundles). */
/** Every channel, in the order the desk lists them. */
export const CHANNELS = ['livechat', 'whatsapp', 'sms', 'messenger'] as const;

/**
 * Pictures a browser may show inline: raster formats only. SVG is left out on purpose (it can carry
 * script). The server serves these inline and everything else as a download; the desktop shows
 * these as pictures and the others as links.
 */
export const INLINE_IMAGE_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];

/**
 * What may be sent as a file, by a live-chat customer from the widget or by an agent from the
 * desktop: pictures, PDF and plain text (a screenshot, a receipt, a return label), at most 10 MB
 * (on WhatsApp and SMS, whose providers take less, 5 MB: SEND_FILE_MAX_BYTES); the widget and the
 * desktop check the same before uploading.
 */
export const SENDABLE_FILE_TYPES: readonly string[] = [
  ...INLINE_IMAGE_TYPES,
  'application/pdf',
  'text/plain',
];
export const SENDABLE_FILE_MAX_BYTES = 10 * 1024 * 1024;
/** What an agent may send on each channel: WhatsApp's pictures and Twilio's MMS take at most 5 MB. */
export const SEND_FILE_MAX_BYTES: Readonly<Record<(typeof CHANNELS)[number], number>> = {
  livechat: SENDABLE_FILE_MAX_BYTES,
  whatsapp: 5 * 1024 * 1024,
  sms: 5 * 1024 * 1024,
  messenger: SENDABLE_FILE_MAX_BYTES,
};
/**
 * What one live chat may hold of the customer's files: anyone can start a chat, so without a
 * bound a script could fill the database through one (FILE_QUOTA_EXCEEDED past it).
 */
export const LIVECHAT_FILES_PER_CONVERSATION = 20;
export const LIVECHAT_FILE_BYTES_PER_CONVERSATION = 50 * 1024 * 1024;

/** A file's name as sent, at most this long. */
export const FILE_NAME_MAX = 255;

export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_COOKIE = 'sb_session';
export const AGENT_NAMESPACE = '/agent';
export const CUSTOMER_NAMESPACE = '/customer';

/** CXone: offer timeout 15–300 s, default 45 s. */
export const OFFER_TIMEOUT_SECONDS = { min: 15, max: 300, default: 45 } as const;
/** CXone: up to 12 concurrent chats per agent; every channel we serve is a chat channel. */
export const CHANNEL_LIMIT = { min: 1, max: 12, default: 3 } as const;
export const PROFICIENCY = { min: 1, max: 10 } as const;
export const QUEUE_PRIORITY = { min: 0, max: 100, default: 0 } as const;
export const PASSWORD_MIN_LENGTH = 12;
/** A queue's service-level threshold: answered within it counts toward the service level. */
export const SERVICE_LEVEL_SECONDS = { min: 1, max: 86_400, default: 60 } as const;
/** How long a customer may wait for an answer before the agent's tab turns urgent. */
export const RESPONSE_TARGET_SECONDS = { min: 10, max: 3_600, default: 120 } as const;

/** Per channel: the public settings, then the secrets. */
export const ENTRY_POINT_FIELDS = {
  livechat: { settings: [], secrets: [] },
  whatsapp: {
    settings: ['phoneNumberId', 'displayPhoneNumber'],
    secrets: ['accessToken', 'appSecret', 'verifyToken'],
  },
  sms: { settings: ['accountSid', 'phoneNumber', 'messagingServiceSid'], secrets: ['authToken'] },
  messenger: { settings: ['pageId', 'pageName'], secrets: ['pageAccessToken', 'appSecret', 'verifyToken'] },
} as const;
