import { CSRF_HEADER } from '@switchboard/contracts/constants';
import { ApiError, toApiError } from './api-error';

export type RequestOptions = {
  signal?: AbortSignal;
  /**
   * A 401 is an answer, not an expired session: `GET /api/auth/me` before login and
   * `POST /api/auth/login` with a wrong password.
   */
  unauthorizedIsExpected?: boolean;
};

export type ApiClient = {
  get: <T>(path: string, options?: RequestOptions) => Promise<T>;
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => Promise<T>;
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => Promise<T>;
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) => Promise<T>;
  delete: <T = void>(path: string, options?: RequestOptions) => Promise<T>;
  /** POSTs a file as the body, under its own type (no JSON). */
  upload: <T>(path: string, file: Blob, options?: RequestOptions) => Promise<T>;
};

export type ApiClientOptions = {
  /** The token from login or `GET /api/auth/me`, echoed on every write (docs/api.md). */
  getCsrfToken: () => string | null;
  /** Called once per 401 that was not expected: the session is gone. */
  onUnauthorized: (error: ApiError) => void;
  fetchImpl?: typeof fetch;
};

const readBody = async (response: Response): Promise<unknown> => {
  const text = await response.text();
  if (text.length === 0) {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

export const createApiClient = ({
  getCsrfToken,
  onUnauthorized,
  fetchImpl = (input, init) => fetch(input, init),
}: ApiClientOptions): ApiClient => {
  const request = async <T>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    body: unknown,
    options: RequestOptions = {},
  ): Promise<T> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    // Fastify refuses an empty body sent as JSON, so the content type goes only with a body; a
    // file goes as itself, under its own type.
    const file = body instanceof Blob ? body : null;
    if (file) {
      headers['content-type'] = file.type || 'application/octet-stream';
    } else if (body !== undefined) {
      headers['content-type'] = 'application/json';
    }
    const csrfToken = getCsrfToken();
    if (method !== 'GET' && csrfToken) {
      headers[CSRF_HEADER] = csrfToken;
    }
    let response: Response;
    try {
      response = await fetchImpl(path, {
        method,
        headers,
        body: file ?? (body === undefined ? undefined : JSON.stringify(body)),
        credentials: 'same-origin',
        signal: options.signal,
      });
    } catch (cause) {
      if (options.signal?.aborted) {
        throw cause;
      }
      throw new ApiError({
        status: 0,
        code: 'NETWORK_ERROR',
        message: 'The server cannot be reached',
        cause,
      });
    }
    const payload = await readBody(response);
    if (!response.ok) {
      const error = toApiError(response.status, payload);
      if (response.status === 401 && !options.unauthorizedIsExpected) {
        onUnauthorized(error);
      }
      throw error;
    }
    return payload as T;
  };

  return {
    get: (path, options) => request('GET', path, undefined, options),
    post: (path, body, options) => request('POST', path, body, options),
    put: (path, body, options) => request('PUT', path, body, options),
    patch: (path, body, options) => request('PATCH', path, body, options),
    delete: (path, options) => request('DELETE', path, undefined, options),
    upload: (path, file, options) => request('POST', path, file, options),
  };
};
