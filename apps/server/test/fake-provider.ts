import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signMetaBody, twilioSignature } from '@switchboard/channels';

export interface ProviderRequest {
  channel: 'whatsapp' | 'messenger' | 'sms';
  path: string;
  headers: IncomingMessage['headers'];
  /** JSON (Meta) or the form's fields (Twilio). */
  body: Record<string, any>;
}

type Answer = { status: number; body: unknown } | 'hang';

/**
 * A local stand-in for Meta's Graph API and Twilio's Messages API, on their real paths and
 * answers. `next` queues answers for the coming sends (errors, timeouts); otherwise each send succeeds.
 */
export const startFakeProviders = async () => {
  const received: ProviderRequest[] = [];
  /** The provider ids given to the messages accepted, in order. */
  const accepted: string[] = [];
  const next: Answer[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  /** Messenger's User Profile API: the profiles by PSID; an unknown PSID is answered as Meta does. */
  const profiles = new Map<string, { first_name: string; last_name: string }>();
  /** The profile reads asked for: their path and Authorization header. */
  const profileReads: { path: string; authorization: string | undefined }[] = [];
  /** Answers for the coming profile reads (a missing permission, ...); otherwise from `profiles`. */
  const nextProfile: Answer[] = [];
  /**
   * Files customers sent, by path: WhatsApp's (`/media/wamedia.<id>`, whose URL the Graph API's
   * `/v21.0/wamedia.<id>` gives), Twilio's Media resource, Messenger's CDN. `failures` are statuses
   * answered before the file, one per read.
   */
  const files = new Map<string, { contentType: string; bytes: Buffer; failures?: number[] }>();
  /** The media reads asked for: their path and Authorization header. */
  const mediaReads: { path: string; authorization: string | undefined }[] = [];
  let url = '';
  const readMedia = (req: IncomingMessage, res: ServerResponse): boolean => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    const graph = /^\/v[\d.]+\/(wamedia\.[\w.-]+)$/.exec(path);
    const file = files.get(graph ? `/media/${graph[1]}` : path);
    if (!graph && !file) {
      return false;
    }
    mediaReads.push({ path, authorization: req.headers.authorization });
    const failure = file?.failures?.shift();
    if (!file || failure) {
      res.writeHead(failure ?? 404, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          failure
            ? { error: { message: 'Service temporarily unavailable', type: 'OAuthException', code: 2 } }
            : { error: { message: 'Unsupported get request', type: 'GraphMethodException', code: 100 } },
        ),
      );
    } else if (graph) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          messaging_product: 'whatsapp',
          url: `${url}/media/${graph[1]}`,
          mime_type: file.contentType,
          sha256: createHash('sha256').update(file.bytes).digest('hex'),
          file_size: file.bytes.length,
          id: graph[1],
        }),
      );
    } else {
      res.writeHead(200, { 'content-type': file.contentType, 'content-length': file.bytes.length });
      res.end(file.bytes);
    }
    return true;
  };
  let counter = 0;
  const readProfile = (req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '';
    profileReads.push({ path, authorization: req.headers.authorization });
    const queued = nextProfile.shift();
    if (queued === 'hang') {
      return;
    }
    const psid = decodeURIComponent(path.split('?')[0]?.split('/').pop() ?? '');
    const profile = profiles.get(psid);
    const { status, body } =
      queued ??
      (profile
        ? { status: 200, body: { ...profile, id: psid } }
        : {
            status: 400,
            body: {
              error: {
                message: `Unsupported get request. Object with ID '${psid}' does not exist`,
                type: 'GraphMethodException',
                code: 100,
                error_subcode: 33,
              },
            },
          });
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'GET') {
      if (!readMedia(req, res)) {
        readProfile(req, res);
      }
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString();
      const path = req.url ?? '';
      const sms = path.startsWith('/2010-04-01/');
      const body = sms ? Object.fromEntries(new URLSearchParams(text)) : JSON.parse(text || '{}');
      const channel = sms ? 'sms' : body.messaging_product === 'whatsapp' ? 'whatsapp' : 'messenger';
      const answer = next.shift();
      if (answer === 'hang') {
        return;
      }
      received.push({ channel, path, headers: req.headers, body });
      for (const w of [...waiters]) {
        if (received.length >= w.n) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve();
        }
      }
      counter++;
      const ok =
        channel === 'sms'
          ? { status: 201, body: { sid: `SM${counter}`, status: 'queued' } }
          : channel === 'whatsapp'
            ? {
                status: 200,
                body: { messaging_product: 'whatsapp', messages: [{ id: `wamid.out${counter}` }] },
              }
            : { status: 200, body: { recipient_id: body.recipient?.id, message_id: `m_out${counter}` } };
      const { status, body: out } = answer ?? ok;
      if (!answer) {
        accepted.push(
          channel === 'sms'
            ? `SM${counter}`
            : channel === 'whatsapp'
              ? `wamid.out${counter}`
              : `m_out${counter}`,
        );
      }
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(out));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  url = `http://127.0.0.1:${port}`;
  return {
    url,
    files,
    mediaReads,
    received,
    accepted,
    next,
    profiles,
    profileReads,
    nextProfile,
    /** Resolves once `n` sends have been received in all. */
    until: (n: number) =>
      received.length >= n ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ n, resolve })),
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
};

export type FakeProviders = Awaited<ReturnType<typeof startFakeProviders>>;

/** A Meta webhook POST, signed with the app secret as Meta signs it. */
export const postMeta = (baseUrl: string, path: string, payload: unknown, appSecret: string) => {
  const raw = typeof payload === 'string' ? payload : JSON.stringify(payload);
  return fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signMetaBody(raw, appSecret) },
    body: raw,
  });
};

/** A Twilio webhook POST, signed over the public URL as Twilio signs it. */
export const postTwilio = (
  baseUrl: string,
  publicUrl: string,
  path: string,
  fields: Record<string, string>,
  authToken: string,
) => {
  const form = new URLSearchParams(fields);
  return fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': twilioSignature(authToken, `${publicUrl}${path}`, form),
    },
    body: form.toString(),
  });
};

/** The credentials of the test assets, one per provider, as an administrator types them. */
export const TEST_ASSETS = {
  whatsapp: {
    phoneNumberId: '106540352242922',
    displayPhoneNumber: '+15550001111',
    accessToken: 'wa-token-SECRET',
    appSecret: 'wa-app-SECRET',
    verifyToken: 'wa-verify-SECRET',
  },
  sms: {
    accountSid: 'AC0123456789abcdef0123456789abcdef',
    authToken: 'sms-auth-SECRET',
    phoneNumber: '+46701234567',
  },
  messenger: {
    pageId: 'PAGE1',
    pageName: 'Tienda Ejemplo',
    pageAccessToken: 'fb-token-SECRET',
    appSecret: 'fb-app-SECRET',
    verifyToken: 'fb-verify-SECRET',
  },
} as const;

/**
 * The three test assets (TEST_ASSETS) added by an administrator to the Support queue, their
 * provider API at `apiBaseUrl` (the fake): their ids by channel.
 */
export const addTestAssets = async (
  admin: {
    get: (path: string) => Promise<{ body: any }>;
    post: (path: string, body: unknown) => Promise<{ status: number; body: any }>;
  },
  apiBaseUrl: string,
): Promise<Record<keyof typeof TEST_ASSETS, string>> => {
  const queueId = (await admin.get('/api/admin/queues')).body.queues.find(
    (q: any) => q.name === 'Support',
  ).id;
  const ids = { whatsapp: '', sms: '', messenger: '' };
  for (const channel of ['whatsapp', 'sms', 'messenger'] as const) {
    const made = await admin.post('/api/admin/entry-points', {
      channel,
      name: `Test ${channel}`,
      queueId,
      apiBaseUrl,
      ...TEST_ASSETS[channel],
    });
    if (made.status !== 201) {
      throw new Error(`adding the ${channel} asset: ${made.status} ${JSON.stringify(made.body)}`);
    }
    ids[channel] = made.body.id;
  }
  return ids;
};

/** One WhatsApp message (`{type: 'text', text: {body}}`, or a file's) in Meta's envelope. */
const whatsappMessage = (
  phoneNumberId: string,
  from: string,
  message: Record<string, unknown>,
  name?: string,
) => ({
  object: 'whatsapp_business_account',
  entry: [
    {
      id: 'WABA',
      changes: [
        {
          field: 'messages',
          value: {
            messaging_product: 'whatsapp',
            metadata: { display_phone_number: '15550001111', phone_number_id: phoneNumberId },
            ...(name ? { contacts: [{ profile: { name }, wa_id: from }] } : {}),
            messages: [{ from, timestamp: String(Math.floor(Date.now() / 1000)), ...message }],
          },
        },
      ],
    },
  ],
});

export const whatsappText = (phoneNumberId: string, from: string, id: string, body: string, name?: string) =>
  whatsappMessage(phoneNumberId, from, { id, type: 'text', text: { body } }, name);

/** A WhatsApp message carrying one file (`image`, `document`, ...) as Meta sends it. */
export const whatsappFile = (
  phoneNumberId: string,
  from: string,
  id: string,
  type: string,
  file: { id: string; mime_type: string; caption?: string; filename?: string },
  name?: string,
) =>
  whatsappMessage(phoneNumberId, from, { id, type, [type]: { ...file, sha256: 'not-checked-here' } }, name);

export const whatsappStatus = (phoneNumberId: string, id: string, status: string) => ({
  object: 'whatsapp_business_account',
  entry: [
    {
      id: 'WABA',
      changes: [
        {
          field: 'messages',
          value: {
            messaging_product: 'whatsapp',
            metadata: { display_phone_number: '15550001111', phone_number_id: phoneNumberId },
            statuses: [{ id, status, timestamp: String(Math.floor(Date.now() / 1000)), recipient_id: '1' }],
          },
        },
      ],
    },
  ],
});

export const messengerText = (pageId: string, psid: string, mid: string, text: string) => ({
  object: 'page',
  entry: [
    {
      id: pageId,
      time: Date.now(),
      messaging: [
        { sender: { id: psid }, recipient: { id: pageId }, timestamp: Date.now(), message: { mid, text } },
      ],
    },
  ],
});
