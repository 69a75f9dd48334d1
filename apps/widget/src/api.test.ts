import { describe, expect, it } from 'vitest';
import { ApiError, createApi, isTransient, NetworkError } from './api';

const session = { conversationId: 'conv-1', token: 'tok-1' };

/** A fetch that records its call and answers `response` (or throws it). */
const fakeFetch = (response: Response | Error) => {
  const calls: { url: string; init: RequestInit }[] = [];
  const impl = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    calls.push({ url: String(input), init: init ?? {} });
    if (response instanceof Error) {
      throw response;
    }
    return response;
  };
  return { calls, impl: impl as typeof fetch };
};

const headersOf = (call: { init: RequestInit } | undefined) =>
  (call?.init.headers ?? {}) as Record<string, string>;

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('sendFile', () => {
  it('posts the bytes under their own type, with the token, the client id and the name', async () => {
    const stored = { id: 'm1', body: '[image] photo.png' };
    const { calls, impl } = fakeFetch(json(201, stored));
    const file = new File([new Uint8Array([137, 80, 78, 71])], 'photo.png', { type: 'image/png' });
    const saved = await createApi('https://cc.example', impl).sendFile(session, file, 'cid-1');

    expect(saved).toEqual(stored);
    expect(calls).toHaveLength(1);
    const [call] = calls;
    const url = new URL(call?.url ?? '');
    expect(url.origin + url.pathname).toBe(
      'https://cc.example/api/livechat/conversations/conv-1/attachments',
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({ clientMessageId: 'cid-1', name: 'photo.png' });
    expect(call?.init.method).toBe('POST');
    expect(call?.init.body).toBe(file);
    expect(headersOf(call)).toEqual({
      accept: 'application/json',
      authorization: 'Bearer tok-1',
      'content-type': 'image/png',
    });
    expect(call?.init.credentials).toBe('omit');
    expect(call?.init.signal).toBeInstanceOf(AbortSignal);
  });

  it("sends the type's essence only", async () => {
    const { calls, impl } = fakeFetch(json(201, {}));
    const file = new File(['hello'], 'note.txt', { type: 'text/plain;charset=utf-8' });
    await createApi('', impl).sendFile(session, file, 'cid-2');
    expect(headersOf(calls[0])['content-type']).toBe('text/plain');
  });

  it("turns the server's refusal into an ApiError with its code", async () => {
    const { impl } = fakeFetch(
      json(413, { statusCode: 413, code: 'BODY_TOO_LARGE', error: 'Payload Too Large', message: 'Too big' }),
    );
    const error = await createApi('', impl)
      .sendFile(session, new File(['x'], 'a.png', { type: 'image/png' }), 'cid-3')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 413, code: 'BODY_TOO_LARGE', message: 'Too big' });
    expect(isTransient(error)).toBe(false);
  });

  it('turns no answer into a NetworkError, worth a retry', async () => {
    const { impl } = fakeFetch(new TypeError('Failed to fetch'));
    const error = await createApi('', impl)
      .sendFile(session, new File(['x'], 'a.png', { type: 'image/png' }), 'cid-4')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(isTransient(error)).toBe(true);
  });
});

describe('send', () => {
  it('still posts JSON', async () => {
    const { calls, impl } = fakeFetch(json(201, {}));
    await createApi('', impl).send(session, 'hello', 'cid-5');
    expect(calls[0]?.url).toBe('/api/livechat/conversations/conv-1/messages');
    expect(calls[0]?.init.body).toBe(JSON.stringify({ body: 'hello', clientMessageId: 'cid-5' }));
    expect(headersOf(calls[0])['content-type']).toBe('application/json');
  });
});

describe('attachment', () => {
  it('gets the bytes with the token and answers them as a Blob', async () => {
    const bytes = new Uint8Array([37, 80, 68, 70]);
    const { calls, impl } = fakeFetch(
      new Response(bytes, { status: 200, headers: { 'content-type': 'application/pdf' } }),
    );
    const blob = await createApi('https://cc.example', impl).attachment(session, 'att 1', 2_000_000);

    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe('https://cc.example/api/livechat/conversations/conv-1/attachments/att%201');
    expect(calls[0]?.init.method).toBe('GET');
    expect(calls[0]?.init.body).toBeUndefined();
    expect(headersOf(calls[0])).toEqual({ accept: '*/*', authorization: 'Bearer tok-1' });
    expect(calls[0]?.init.credentials).toBe('omit');
    expect(blob).toBeInstanceOf(Blob);
    expect(blob.type).toBe('application/pdf');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes);
  });

  it('turns a file not kept into an ApiError, not worth a retry', async () => {
    const { impl } = fakeFetch(
      json(404, { statusCode: 404, code: 'ATTACHMENT_NOT_FOUND', error: 'Not Found', message: 'Gone' }),
    );
    const error = await createApi('', impl)
      .attachment(session, 'att-2')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: 'ATTACHMENT_NOT_FOUND' });
    expect(isTransient(error)).toBe(false);
  });

  it('turns no answer into a NetworkError, worth a retry', async () => {
    const { impl } = fakeFetch(new TypeError('Failed to fetch'));
    const error = await createApi('', impl)
      .attachment(session, 'att-3')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(isTransient(error)).toBe(true);
  });
});
