import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createShop,
  createSubAccount,
  createTeam,
  listShops,
  listSubAccounts,
  listTeams,
  renameTeam,
  updateShop,
} from '../../api/organisation.api.js';
import type { Platform } from '../../api/types.js';
import {
  type CreateUserInput,
  createUser,
  listUsers,
  resetPassword,
  type UpdateUserInput,
  type UserFilters,
  updateUser,
} from '../../api/users.api.js';

export const settingsKeys = {
  shops: () => ['shops'] as const,
  allSubAccounts: () => ['sub-accounts'] as const,
  subAccounts: (shopId?: string) => [...settingsKeys.allSubAccounts(), shopId ?? 'all'] as const,
  teams: () => ['teams'] as const,
  users: () => ['users'] as const,
  userList: (filters: UserFilters) => [...settingsKeys.users(), 'list', filters] as const,
};

export const useShops = () =>
  useQuery({ queryKey: settingsKeys.shops(), queryFn: async () => (await listShops()).shops });

export const useCreateShop = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; platform: Platform; timeZone?: string }) => createShop(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsKeys.shops() }),
  });
};

export const useRenameShop = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) => updateShop(id, { name }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsKeys.shops() }),
  });
};

export const useSubAccounts = (shopId?: string) =>
  useQuery({
    queryKey: settingsKeys.subAccounts(shopId),
    queryFn: async () => (await listSubAccounts(shopId)).subAccounts,
  });

export const useCreateSubAccount = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSubAccount,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsKeys.allSubAccounts() }),
  });
};

export const useTeams = () =>
  useQuery({ queryKey: settingsKeys.teams(), queryFn: async () => (await listTeams()).teams });

export const useCreateTeam = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createTeam,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsKeys.teams() }),
  });
};

export const useRenameTeam = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) => renameTeam(id, { name }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsKeys.teams() }),
  });
};

export const useUsers = (filters: UserFilters) =>
  useQuery({
    queryKey: settingsKeys.userList(filters),
    queryFn: async () => (await listUsers(filters)).users,
    placeholderData: keepPreviousData,
  });

/** User changes move member counts too, so both lists are refreshed. */
const useRefreshPeople = () => {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: settingsKeys.users() }),
      queryClient.invalidateQueries({ queryKey: settingsKeys.teams() }),
    ]);
};

export const useCreateUser = () => {
  const refresh = useRefreshPeople();
  return useMutation({ mutationFn: (input: CreateUserInput) => createUser(input), onSuccess: refresh });
};

export const useUpdateUser = () => {
  const refresh = useRefreshPeople();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateUserInput }) => updateUser(id, input),
    onSuccess: refresh,
  });
};

export const useResetPassword = () => useMutation({ mutationFn: (id: string) => resetPassword(id) });
