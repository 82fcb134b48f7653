import type { Role, User } from '../../api/types.js';
import { useSessionQuery } from './queries.js';

/** The signed-in user; only call below <RequireAuth>, which guarantees there is one. */
export const useCurrentUser = (): User => {
  const { data } = useSessionQuery();
  if (!data) throw new Error('useCurrentUser outside <RequireAuth>');
  return data.user;
};

export const managerRoles: readonly Role[] = ['admin', 'supervisor'];

export const canManage = (user: User): boolean => managerRoles.includes(user.role);
