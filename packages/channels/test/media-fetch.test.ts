import { createHash, randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { type MediaOutcome, messengerAdapter, smsAdapter, whatsappAdapter } from '../src';
import { isMetaFileUrl } from '../src/provider/meta-graph';
import { messengerConfig, smsConfig, whatsappConfig } from './configs';
import { bytes, endless, json, type Received, stall, startFakeProvider } from './fake-provider';

const MB = 1024 * 1024;
const FILE = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(64 * 1024)]);
const MEDIA_ID = '1234567890123456';
const ACCOUNT = smsConfig.accountSid;
const TWILIO_MEDIA = `/2010-04-01/Accounts/${ACCOUNT}/Messages/MM0123456789abcdef0123456789abcdef/Media/ME0123456789abcdef0123456789abcdef`;
const TOO_LARGE = {
  ok: false,
  retryable: false,
  error: { code: 'too_large', providerCode: null, reason: 'The file is larger than 1 MB' },
};

const twilioBasic = `Basic ${Buffer.from(`${ACCOUNT}:${smsConfig.authToken}`).toString('base64')}`;

const closers: (() => Promise<void>)[] = [];
const fake = async (answer: Parameters<typeof startFakeProvider>[0]) => {
  const provider = await startFakeProvider(answer);
  closers.push(provider.close);
  return provider;
};
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

type FileAnswer = (req: Received, res: ServerResponse) => void;
type Options = { maxBytes?: number; timeoutMs?: number };

/** The Graph API's answer for a media id: the file's URL on the same fake, and what Meta says of it. */
const graphMedia = (req: Received, extra: Record<string, unknown> = {}) => ({
  messaging_product: 'whatsapp',
  id: MEDIA_ID,
  url: `http://${req.headers.host}/whatsapp/business/?mid=${MEDIA_ID}&ext=1&hash=x`,
  mime_type: 'image/jpeg',
  ...extra,
});

const fetchWhatsapp = async (answer: FileAnswer, options: Options = {}, source = MEDIA_ID) => {
  const provider = await fake(answer);
  const outcome = await whatsappAdapter.fetchMedia!({
    config: { ...whatsappConfig, apiBaseUrl: provider.url },
    source,
    maxBytes: MB,
    ...options,
  });
  return { outcome, received: provider.received, url: provider.url };
};

/** Each adapter, with a fake provider that serves `file` where the adapter's source leads. */
const channels: {
  name: string;
  fetchFrom: (file: FileAnswer, options?: Options) => Promise<{ outcome: MediaOutcome }>;
}[] = [
  {
    name: 'WhatsApp',
    fetchFrom: (file, options) =>
      fetchWhatsapp(
        (req, res) => (req.url === `/v21.0/${MEDIA_ID}` ? json(res, 200, graphMedia(req)) : file(req, res)),
        options,
      ),
  },
  {
    name: 'Twilio',
    fetchFrom: async (file, options) => {
      const provider = await fake(file);
      return {
        outcome: await smsAdapter.fetchMedia!({
          config: { ...smsConfig, apiBaseUrl: provider.url },
          source: `${provider.url}${TWILIO_MEDIA}`,
          maxBytes: MB,
          ...options,
        }),
      };
    },
  },
  {
    name: 'Messenger',
    fetchFrom: async (file, options) => {
      const provider = await fake(file);
      return {
        outcome: await messengerAdapter.fetchMedia!({
          config: { ...messengerConfig, apiBaseUrl: provider.url },
          source: `${provider.url}/v/t1.15752-9/470_n.jpg?_nc_cat=1&oh=00_AfB&oe=66A1`,
          maxBytes: MB,
          ...options,
        }),
      };
    },
  },
];

describe.each(channels)('$name fetchMedia', ({ fetchFrom }) => {
  it('gives the bytes and the served type, without its parameters', async () => {
    const { outcome } = await fetchFrom((_req, res) =>
      bytes(res, 200, FILE, { headers: { 'content-type': 'Image/PNG; name="x.png"' } }),
    );
    expect(outcome).toEqual({ ok: true, contentType: 'image/png', bytes: FILE });
  });

  it('reads a file sent without Content-Length to its end', async () => {
    const { outcome } = await fetchFrom((_req, res) =>
      bytes(res, 200, FILE, { headers: { 'content-type': 'image/png' }, chunked: true }),
    );
    expect(outcome).toEqual({ ok: true, contentType: 'image/png', bytes: FILE });
  });

  it('refuses a file whose Content-Length is too large, without waiting for its bytes', async () => {
    let hungUp: Promise<void> | undefined;
    // It sends 1 kB and stalls: only the header can give the answer.
    const { outcome } = await fetchFrom((_req, res) => {
      hungUp = stall(res, { 'content-length': String(50 * MB) });
    });
    expect(outcome).toEqual(TOO_LARGE);
    await hungUp;
  });

  it('stops a file without Content-Length as soon as it passes maxBytes', async () => {
    let hungUp: Promise<number> | undefined;
    // It never ends: only stopping gives an answer.
    const { outcome } = await fetchFrom((_req, res) => {
      hungUp = endless(res);
    });
    expect(outcome).toEqual(TOO_LARGE);
    expect(await hungUp).toBeGreaterThan(MB);
  });

  it.each([
    [404, 'invalid_request', false],
    [403, 'unauthorized', false],
    [429, 'rate_limited', true],
    [500, 'provider_unavailable', true],
    [503, 'provider_unavailable', true],
  ])('maps HTTP %i to %s (retryable: %s)', async (status, code, retryable) => {
    const { outcome } = await fetchFrom((_req, res) => {
      res.writeHead(status, { 'content-type': 'text/html' });
      res.end('<html>error</html>');
    });
    expect(outcome).toMatchObject({ ok: false, retryable, error: { code } });
  });

  it('gives up at the deadline when the file does not come, as a retryable timeout', async () => {
    const { outcome } = await fetchFrom(() => {}, { timeoutMs: 200 });
    expect(outcome).toMatchObject({ ok: false, retryable: true, error: { code: 'timeout' } });
  });

  it('gives up at the deadline when the file stalls halfway', async () => {
    let hungUp: Promise<void> | undefined;
    const { outcome } = await fetchFrom(
      (_req, res) => {
        hungUp = stall(res, { 'content-length': String(FILE.length) });
      },
      { timeoutMs: 200 },
    );
    expect(outcome).toMatchObject({ ok: false, retryable: true, error: { code: 'timeout' } });
    await hungUp;
  });

  it('reports a connection cut halfway as a retryable network failure', async () => {
    const { outcome } = await fetchFrom((_req, res) => {
      res.writeHead(200, { 'content-length': String(FILE.length) });
      res.write(FILE.subarray(0, 1024), () => res.socket?.destroy());
    });
    expect(outcome).toMatchObject({ ok: false, retryable: true, error: { code: 'network' } });
  });
});

describe('WhatsApp fetchMedia', () => {
  const sha256 = (b: Buffer) => createHash('sha256').update(b);

  it.each([
    ['hex', sha256(FILE).digest('hex')],
    ['Base64', sha256(FILE).digest('base64')],
  ])(
    'asks for the URL, then the file, with the Bearer token both times; checks a %s SHA-256',
    async (_, digest) => {
      const { outcome, received } = await fetchWhatsapp((req, res) =>
        req.url === `/v21.0/${MEDIA_ID}`
          ? json(
              res,
              200,
              graphMedia(req, {
                mime_type: 'audio/ogg; codecs=opus',
                sha256: digest,
                file_size: String(FILE.length),
              }),
            )
          : bytes(res, 200, FILE),
      );
      // The CDN names no type: the Graph API's is used.
      expect(outcome).toEqual({ ok: true, contentType: 'audio/ogg', bytes: FILE });
      expect(received.map((r) => [r.method, r.url, r.headers.authorization])).toEqual([
        ['GET', `/v21.0/${MEDIA_ID}`, 'Bearer token-1'],
        ['GET', `/whatsapp/business/?mid=${MEDIA_ID}&ext=1&hash=x`, 'Bearer token-1'],
      ]);
    },
  );

  it('takes the Graph API type over a CDN that says only application/octet-stream', async () => {
    const { outcome } = await fetchWhatsapp((req, res) =>
      req.url === `/v21.0/${MEDIA_ID}`
        ? json(res, 200, graphMedia(req, { mime_type: 'application/pdf' }))
        : bytes(res, 200, FILE, { headers: { 'content-type': 'application/octet-stream' } }),
    );
    expect(outcome).toMatchObject({ ok: true, contentType: 'application/pdf' });
  });

  it('refuses a file whose file_size is too large without downloading it', async () => {
    const { outcome, received } = await fetchWhatsapp((req, res) =>
      req.url === `/v21.0/${MEDIA_ID}`
        ? json(res, 200, graphMedia(req, { file_size: String(50 * MB) }))
        : bytes(res, 200, FILE),
    );
    expect(outcome).toEqual(TOO_LARGE);
    expect(received).toHaveLength(1);
  });

  it('reports a file that does not match its SHA-256 as damaged, to fetch again', async () => {
    const { outcome } = await fetchWhatsapp((req, res) =>
      req.url === `/v21.0/${MEDIA_ID}`
        ? json(res, 200, graphMedia(req, { sha256: sha256(Buffer.from('another file')).digest('hex') }))
        : bytes(res, 200, FILE),
    );
    expect(outcome).toEqual({
      ok: false,
      retryable: true,
      error: { code: 'provider_unavailable', providerCode: null, reason: 'The file arrived damaged' },
    });
  });

  it('does not carry the Bearer token through a redirect to another host', async () => {
    const foreign = await fake((_req, res) =>
      bytes(res, 200, FILE, { headers: { 'content-type': 'image/jpeg' } }),
    );
    const { outcome, received } = await fetchWhatsapp((req, res) => {
      if (req.url === `/v21.0/${MEDIA_ID}`) {
        json(res, 200, graphMedia(req));
      } else {
        res.writeHead(302, { location: `${foreign.url}/file.jpg` });
        res.end();
      }
    });
    expect(outcome).toEqual({ ok: true, contentType: 'image/jpeg', bytes: FILE });
    expect(received[1]?.headers.authorization).toBe('Bearer token-1');
    expect(foreign.received).toHaveLength(1);
    expect(foreign.received[0]?.headers.authorization).toBeUndefined();
  });

  it("sends the token only to Meta's hosts: a media URL elsewhere is refused without a request", async () => {
    const elsewhere = await fake((_req, res) => bytes(res, 200, FILE));
    const { outcome, received } = await fetchWhatsapp((req, res) =>
      json(res, 200, graphMedia(req, { url: `${elsewhere.url}/whatsapp/business/?mid=${MEDIA_ID}` })),
    );
    expect(outcome).toEqual({
      ok: false,
      retryable: false,
      error: {
        code: 'invalid_request',
        providerCode: null,
        reason: "The provider named a file outside Meta's hosts",
      },
    });
    expect(received).toHaveLength(1);
    expect(elsewhere.received).toEqual([]);
  });

  it.each(['', '.', '..', '../../me', '123/messages', '123?fields=x', 'x'.repeat(257)])(
    'refuses %j as a media id without a request',
    async (source) => {
      const { outcome, received } = await fetchWhatsapp((_req, res) => bytes(res, 200, FILE), {}, source);
      expect(outcome).toMatchObject({ ok: false, retryable: false, error: { code: 'invalid_request' } });
      expect(received).toEqual([]);
    },
  );

  it.each(['file:///etc/passwd', 'ftp://127.0.0.1/x', 'not a url', 42])(
    'refuses a media URL %j that is not http(s), without fetching it',
    async (url) => {
      const { outcome, received } = await fetchWhatsapp((req, res) =>
        json(res, 200, graphMedia(req, { url })),
      );
      expect(outcome).toMatchObject({ ok: false, retryable: false, error: { code: 'invalid_request' } });
      expect(received).toHaveLength(1);
    },
  );

  it.each([
    [
      400,
      { error: { code: 100, error_subcode: 33, message: 'Unsupported get request.' } },
      'invalid_request',
      false,
    ],
    [401, { error: { code: 190, message: 'Error validating access token' } }, 'unauthorized', false],
    [429, { error: { code: 130429, message: 'Rate limit hit' } }, 'rate_limited', true],
    [500, { error: { code: 1, message: 'An unknown error occurred' } }, 'provider_unavailable', true],
  ])('maps the Graph API answering %i %j on the media id to %s', async (status, body, code, retryable) => {
    const { outcome, received } = await fetchWhatsapp((_req, res) => json(res, status, body));
    expect(outcome).toMatchObject({
      ok: false,
      retryable,
      error: { code, providerCode: String(body.error.code) },
    });
    expect(received).toHaveLength(1);
  });
});

describe("Meta's file hosts", () => {
  const graph = 'https://graph.facebook.com';
  it.each([
    'https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1&ext=1&hash=x',
    'https://scontent.xx.fbcdn.net/v/t1.15752-9/470_n.jpg?_nc_cat=1',
    'https://cdn.fbsbx.com/v/t59.2708-21/4_n.pdf/invoice.pdf',
    'https://LOOKASIDE.FBSBX.COM:443/x',
    'http://127.0.0.1:9999/v/t1/photo.jpg',
  ])('fetches %s', (url) => {
    expect(isMetaFileUrl(new URL(url), url.startsWith('http://127') ? 'http://127.0.0.1:9999/' : graph)).toBe(
      true,
    );
  });

  it.each([
    'http://lookaside.fbsbx.com/x',
    'https://lookaside.fbsbx.com:8443/x',
    'https://fbsbx.com.example.org/x',
    'https://evilfbcdn.net/x',
    'http://169.254.169.254/latest/meta-data/',
    'http://127.0.0.1:9998/x',
    'https://example.org/lookaside.fbsbx.com/x',
  ])('refuses %s', (url) => {
    expect(isMetaFileUrl(new URL(url), 'http://127.0.0.1:9999')).toBe(false);
  });

  it('refuses a Messenger attachment URL outside them without a request', async () => {
    const elsewhere = await fake((_req, res) => bytes(res, 200, FILE));
    const outcome = await messengerAdapter.fetchMedia!({
      config: { ...messengerConfig, apiBaseUrl: graph },
      source: `${elsewhere.url}/v/t1.15752-9/470_n.jpg`,
      maxBytes: MB,
    });
    expect(outcome).toMatchObject({ ok: false, retryable: false, error: { code: 'invalid_request' } });
    expect(elsewhere.received).toEqual([]);
  });
});

describe('Twilio fetchMedia', () => {
  it("sends Basic auth to the account's media URL, and not to the storage host it redirects to", async () => {
    const storage = await fake((_req, res) =>
      bytes(res, 200, FILE, { headers: { 'content-type': 'image/jpeg' } }),
    );
    const api = await fake((_req, res) => {
      res.writeHead(302, { location: `${storage.url}/media/abc?Expires=1&Signature=x` });
      res.end();
    });
    const outcome = await smsAdapter.fetchMedia!({
      config: { ...smsConfig, apiBaseUrl: api.url },
      source: `${api.url}${TWILIO_MEDIA}`,
      maxBytes: MB,
    });
    expect(outcome).toEqual({ ok: true, contentType: 'image/jpeg', bytes: FILE });
    expect(api.received.map((r) => [r.url, r.headers.authorization])).toEqual([[TWILIO_MEDIA, twilioBasic]]);
    expect(storage.received.map((r) => [r.url, r.headers.authorization])).toEqual([
      ['/media/abc?Expires=1&Signature=x', undefined],
    ]);
  });

  it('refuses any URL but the account’s own media on its API, without a request', async () => {
    const foreign = await fake((_req, res) => bytes(res, 200, FILE));
    const api = await fake((_req, res) => bytes(res, 200, FILE));
    const { host, port } = new URL(api.url);
    for (const source of [
      `${foreign.url}${TWILIO_MEDIA}`,
      `${api.url}/2010-04-01/Accounts/ACffffffffffffffffffffffffffffffff/Messages/MM1/Media/ME1`,
      `${api.url}/2010-04-01/Accounts/${ACCOUNT}/../ACffffffffffffffffffffffffffffffff/Media/ME1`,
      `${api.url}/2010-04-01/Accounts/${ACCOUNT}/%2e%2e/ACffffffffffffffffffffffffffffffff/Media/ME1`,
      `${api.url}/2010-04-01/Accounts/${ACCOUNT}`,
      `${api.url}/2010-04-01/Accounts/${ACCOUNT}/`,
      `${api.url}/2010-04-01/Accounts/${ACCOUNT}x/Media/ME1`,
      `https://${host}${TWILIO_MEDIA}`,
      `http://user:pass@${host}${TWILIO_MEDIA}`,
      `http://localhost:${port}${TWILIO_MEDIA}`,
      `ftp://${host}${TWILIO_MEDIA}`,
      TWILIO_MEDIA,
      'not a url',
    ]) {
      const outcome = await smsAdapter.fetchMedia!({
        config: { ...smsConfig, apiBaseUrl: api.url },
        source,
        maxBytes: MB,
      });
      expect(outcome, source).toMatchObject({
        ok: false,
        retryable: false,
        error: { code: 'invalid_request' },
      });
    }
    expect(foreign.received).toEqual([]);
    expect(api.received).toEqual([]);
  });

  it("maps Twilio's JSON error on the media URL", async () => {
    const api = await fake((_req, res) =>
      json(res, 404, { code: 20404, message: 'The requested resource was not found', status: 404 }),
    );
    const outcome = await smsAdapter.fetchMedia!({
      config: { ...smsConfig, apiBaseUrl: api.url },
      source: `${api.url}${TWILIO_MEDIA}`,
      maxBytes: MB,
    });
    expect(outcome).toEqual({
      ok: false,
      retryable: false,
      error: {
        code: 'invalid_request',
        providerCode: '20404',
        reason: 'The requested resource was not found',
      },
    });
  });
});

describe('Messenger fetchMedia', () => {
  it('fetches the payload URL as it is, with no token, and calls a file that names no type what it is: bytes', async () => {
    const cdn = await fake((_req, res) => bytes(res, 200, FILE));
    const source = `${cdn.url}/v/t59.2708-21/4_n.pdf/invoice.pdf?_nc_cat=1&oh=00_AfB&oe=66A1`;
    const outcome = await messengerAdapter.fetchMedia!({
      config: { ...messengerConfig, apiBaseUrl: cdn.url },
      source,
      maxBytes: MB,
    });
    expect(outcome).toEqual({ ok: true, contentType: 'application/octet-stream', bytes: FILE });
    expect(cdn.received.map((r) => [r.url, r.headers.authorization])).toEqual([
      ['/v/t59.2708-21/4_n.pdf/invoice.pdf?_nc_cat=1&oh=00_AfB&oe=66A1', undefined],
    ]);
  });

  it.each(['file:///etc/passwd', 'data:image/png;base64,AAAA', 'javascript:alert(1)', '', 'x'])(
    'refuses %j without a request',
    async (source) => {
      const outcome = await messengerAdapter.fetchMedia!({
        config: messengerConfig,
        source,
        maxBytes: MB,
      });
      expect(outcome).toMatchObject({ ok: false, retryable: false, error: { code: 'invalid_request' } });
    },
  );
});
