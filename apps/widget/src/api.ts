import type {
  TCustomerConversation,
  TEntryPointInfo,
  TMessage,
  TStartChatRequest,
  TStartChatResponse,
} from '@switchboard/contracts';
import { attachmentBytesPath } from './attachments';
import { attachmentPath, fileContentType, uploadTimeoutMs } from './files';
import type { StoredSession } from './session';

/** The server answered with an error body `{statusCode, code, error, message}`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

/** No answer: offline, DNS, timeout, or the connection dropped. */
export class NetworkError extends Error {
  constructor(cause?: unknown) {
    super('The server could not be reached', { cause });
    this.name = 'NetworkError';
  }
}

/** Worth trying again with the same request: nothing reached the server, or it was busy or broken. */
export const isTransient = (e: unknown): boolean =>
  e instanceof NetworkError || (e instanceof ApiError && (e.status >= 500 || e.status === 429));

/** The session is no longer valid: forget it and offer a new chat. */
export const isSessionGone = (e: unknown): boolean =>
  e instanceof ApiError && (e.status === 401 || e.status === 403 || e.status === 404);

const TIMEOUT_MS = 15_000;

interface RequestOptions {
  session?: StoredSession;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as it is, under its own type (a file the customer attaches). */
  raw?: { data: Blob; contentType: string };
  timeoutMs?: number;
  /** The answer's bytes instead of JSON (a file of the thread); errors are JSON all the same. */
  blob?: boolean;
}

export type LivechatApi = ReturnType<typeof createApi>;

/** The customer's REST API (docs/api.md, "Customer (live-chat widget)"). `base` '' is same origin. */
export const createApi = (base: string, fetchImpl: typeof fetch = (...args) => globalThis.fetch(...args)) => {
  const request = async <T>(
    method: 'GET' | 'POST',
    path: string,
    options: RequestOptions = {},
  ): Promise<T> => {
    const headers: Record<string, string> = { accept: options.blob ? '*/*' : 'application/json' };
    if (options.session) {
      headers.authorization = `Bearer ${options.session.token}`;
    }
    // No content-type without a body: a JSON content-type with an empty body is a 400 in Fastify.
    let body: BodyInit | undefined;
    if (options.raw) {
      headers['content-type'] = options.raw.contentType;
      body = options.raw.data;
    } else if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const timeout = options.timeoutMs ?? TIMEOUT_MS;
    let response: Response;
    try {
      response = await fetchImpl(`${base}${path}`, {
        method,
        headers,
        body,
        credentials: 'omit',
        signal: typeof AbortSignal.timeout === 'function' ? AbortSignal.timeout(timeout) : undefined,
      });
    } catch (e) {
      throw new NetworkError(e);
    }
    if (!response.ok) {
      let payload: { code?: unknown; message?: unknown } = {};
      try {
        payload = (await response.json()) as typeof payload;
      } catch {
        // Not JSON (a proxy's error page): status text it is.
      }
      throw new ApiError(
        response.status,
        typeof payload.code === 'string' ? payload.code : `HTTP_${response.status}`,
        typeof payload.message === 'string' && payload.message ? payload.message : response.statusText,
      );
    }
    if (response.status === 204) {
      return undefined as T;
    }
    try {
      return (options.blob ? await response.blob() : await response.json()) as T;
    } catch (e) {
      throw new NetworkError(e);
    }
  };

  const conversationPath = (s: StoredSession) =>
    `/api/livechat/conversations/${encodeURIComponent(s.conversationId)}`;

  return {
    entryPoint: (key: string) =>
      request<TEntryPointInfo>('GET', `/api/livechat/entry-points/${encodeURIComponent(key)}`),
    start: (body: TStartChatRequest) =>
      request<TStartChatResponse>('POST', '/api/livechat/conversations', { body }),
    conversation: (session: StoredSession) =>
      request<TCustomerConversation>('GET', conversationPath(session), { session }),
    messagesAfter: (session: StoredSession, after: number) =>
      request<{ messages: TMessage[] }>('GET', `${conversationPath(session)}/messages?after=${after}`, {
        session,
      }),
    send: (session: StoredSession, body: string, clientMessageId: string) =>
      request<TMessage>('POST', `${conversationPath(session)}/messages`, {
        session,
        body: { body, clientMessageId },
      }),
    /**
     * A file as a customer message, its bytes as the body; the same `clientMessageId` again answers
     * the stored message, so a retry after a lost answer does not send it twice.
     */
    sendFile: (session: StoredSession, file: File, clientMessageId: string) =>
      request<TMessage>('POST', attachmentPath(session.conversationId, clientMessageId, file.name), {
        session,
        raw: { data: file, contentType: fileContentType(file.type) },
        timeoutMs: uploadTimeoutMs(file.size),
      }),
    /**
     * A file of the thread, the agent's or the customer's own, as a Blob (an `<img src>` could not
     * send the token). 404 `ATTACHMENT_NOT_FOUND`: not kept, or removed since. Given as long as an
     * upload of its size (`sizeHint`, when known) would be.
     */
    attachment: (session: StoredSession, attachmentId: string, sizeHint: number | null = null) =>
      request<Blob>('GET', attachmentBytesPath(session.conversationId, attachmentId), {
        session,
        blob: true,
        timeoutMs: uploadTimeoutMs(sizeHint ?? 0),
      }),
    /** The customer has seen the chat up to message `upToSeq` (the agent's messages are then read). */
    read: (session: StoredSession, upToSeq: number) =>
      request<void>('POST', `${conversationPath(session)}/read`, { session, body: { upToSeq } }),
    end: (session: StoredSession) => request<void>('POST', `${conversationPath(session)}/end`, { session }),
  };
};
