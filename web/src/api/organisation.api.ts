import { request } from './client.js';
import type { Platform, Shop, SubAccount, Team } from './types.js';

export const listShops = () => request<{ shops: Shop[] }>('/api/shops');

export const createShop = (input: { name: string; platform: Platform; timeZone?: string }) =>
  request<{ shop: Shop }>('/api/shops', { method: 'POST', body: input });

export const updateShop = (id: string, input: { name?: string; timeZone?: string }) =>
  request<{ shop: Shop }>(`/api/shops/${encodeURIComponent(id)}`, { method: 'PATCH', body: input });

export const listSubAccounts = (shopId?: string) =>
  request<{ subAccounts: SubAccount[] }>('/api/sub-accounts', { query: { shopId } });

export const createSubAccount = (input: { shopId: string; name: string }) =>
  request<{ subAccount: SubAccount }>('/api/sub-accounts', { method: 'POST', body: input });

export const listTeams = () => request<{ teams: Team[] }>('/api/teams');

export const createTeam = (input: { name: string }) =>
  request<{ team: Team }>('/api/teams', { method: 'POST', body: input });

export const renameTeam = (id: string, input: { name: string }) =>
  request<{ team: Team }>(`/api/teams/${encodeURIComponent(id)}`, { method: 'PATCH', body: input });
