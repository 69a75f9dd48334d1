import type { TLoginRequest, TSessionResponse } from '@switchboard/contracts';
import type { ApiClient } from '../../shared/api/api-client';

export const fetchSession = (api: ApiClient) =>
  api.get<TSessionResponse>('/api/auth/me', { unauthorizedIsExpected: true });

export const postLogin = (api: ApiClient, request: TLoginRequest) =>
  api.post<TSessionResponse>('/api/auth/login', request, { unauthorizedIsExpected: true });

export const postLogout = (api: ApiClient) =>
  api.post<void>('/api/auth/logout', undefined, { unauthorizedIsExpected: true });
