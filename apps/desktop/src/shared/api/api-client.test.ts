import { describe, expect, it } from 'vitest';
import { createApiClient } from './api-client';
import { ApiError, isApiError } from './api-error';

type Call = { input: string; init: RequestInit };

const fakeFetch = (status: number, body?: unknown) => {
  const calls: Call[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ input: String(input), init: init ?? {} });
    const text = body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(text, { status, headers: { 'content-type': 'application/json' } });
  };
  return { calls, fetchImpl: fetchImpl as typeof fetch };
};

const headersOf = (call: Call | undefined) => (call?.init.headers ?? {}) as Record<string, string>;

describe('createApiClient', () => {
  it('sends JSON with same-origin credentials and the CSRF token on writes only', async () => {
    const { calls, fetchImpl } = fakeFetch(200, { ok: true });
    const api = createApiClient({ getCsrfToken: () => 'tok', onUnauthorized: () => {}, fetchImpl });

    await api.get('/api/agent/bootstrap');
    await api.post('/api/conversations/1/messages', { body: 'hi' });
    await api.post('/api/conversations/1/end');

    expect(calls[0]?.init.credentials).toBe('same-origin');
    expect(headersOf(calls[0])['x-csrf-token']).toBeUndefined();
    expect(headersOf(calls[1])['x-csrf-token']).toBe('tok');
    expect(headersOf(calls[1])['content-type']).toBe('application/json');
    expect(calls[1]?.init.body).toBe('{"body":"hi"}');
    // No body, no JSON content type: Fastify would refuse an empty JSON body.
    expect(headersOf(calls[2])['content-type']).toBeUndefined();
    expect(calls[2]?.init.body).toBeUndefined();
  });

  it('returns undefined for 204', async () => {
    const { fetchImpl } = fakeFetch(204);
    const api = createApiClient({ getCsrfToken: () => null, onUnauthorized: () => {}, fetchImpl });
    await expect(api.post('/api/offers/1/reject')).resolves.toBeUndefined();
  });

  it('turns an error body into a typed ApiError', async () => {
    const { fetchImpl } = fakeFetch(409, {
      statusCode: 409,
      code: 'CUSTOMER_LEFT',
      error: 'Conflict',
      message: 'The customer has left the chat; you can only end it',
    });
    const api = createApiClient({ getCsrfToken: () => null, onUnauthorized: () => {}, fetchImpl });
    const error = await api.post('/x', { body: 'a' }).catch((e: unknown) => e);
    expect(isApiError(error, 'CUSTOMER_LEFT')).toBe(true);
    expect((error as ApiError).status).toBe(409);
    expect((error as ApiError).message).toContain('customer has left');
  });

  it('reports an unexpected 401 once, but not an expected one', async () => {
    const { fetchImpl } = fakeFetch(401, { statusCode: 401, code: 'SESSION_EXPIRED', message: 'gone' });
    const seen: string[] = [];
    const api = createApiClient({
      getCsrfToken: () => null,
      onUnauthorized: (e) => seen.push(e.code),
      fetchImpl,
    });
    await expect(api.get('/api/auth/me', { unauthorizedIsExpected: true })).rejects.toBeInstanceOf(ApiError);
    expect(seen).toEqual([]);
    await expect(api.get('/api/agent/bootstrap')).rejects.toBeInstanceOf(ApiError);
    expect(seen).toEqual(['SESSION_EXPIRED']);
  });

  it('maps a 429 without a code and a network failure to client codes', async () => {
    const limited = createApiClient({
      getCsrfToken: () => null,
      onUnauthorized: () => {},
      fetchImpl: fakeFetch(429, 'Too Many Requests').fetchImpl,
    });
    await expect(limited.post('/api/auth/login', {})).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      status: 429,
    });

    const offline = createApiClient({
      getCsrfToken: () => null,
      onUnauthorized: () => {},
      fetchImpl: (async () => {
        throw new TypeError('fetch failed');
      }) as typeof fetch,
    });
    await expect(offline.get('/api/auth/me')).rejects.toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
  });
});
