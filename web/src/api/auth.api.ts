import { request, setCsrfToken } from './client.js';
import type { Session } from './types.js';

export const login = async (input: { login: string; password: string }): Promise<Session> => {
  const session = await request<Session>('/api/auth/login', { method: 'POST', body: input });
  setCsrfToken(session.csrfToken);
  return session;
};

export const fetchMe = async (): Promise<Session> => {
  const session = await request<Session>('/api/auth/me');
  setCsrfToken(session.csrfToken);
  return session;
};

export const logout = async (): Promise<void> => {
  await request<{ ok: true }>('/api/auth/logout', { method: 'POST' });
  setCsrfToken(null);
};

export const changePassword = (input: { currentPassword: string; newPassword: string }) =>
  request<{ ok: true }>('/api/auth/password', { method: 'POST', body: input });
