import { request } from './client.js';
import type { Role, User } from './types.js';

export type UserFilters = { role?: Role; teamId?: string; q?: string };

export type CreateUserInput = {
  login: string;
  displayName: string;
  role: Role;
  teamId?: string;
  subAccountIds?: string[];
  password?: string;
};

export type UpdateUserInput = {
  displayName?: string;
  role?: Role;
  teamId?: string | null;
  subAccountIds?: string[];
  disabled?: boolean;
};

export const listUsers = (filters: UserFilters) =>
  request<{ users: User[] }>('/api/users', {
    query: { role: filters.role, teamId: filters.teamId, q: filters.q },
  });

export const createUser = (input: CreateUserInput) =>
  request<{ user: User; initialPassword?: string }>('/api/users', { method: 'POST', body: input });

export const updateUser = (id: string, input: UpdateUserInput) =>
  request<{ user: User }>(`/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: input });

export const resetPassword = (id: string) =>
  request<{ password: string }>(`/api/users/${encodeURIComponent(id)}/reset-password`, { method: 'POST' });
