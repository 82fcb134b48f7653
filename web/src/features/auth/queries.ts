import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { changePassword, fetchMe, login, logout } from '../../api/auth.api.js';
import { isApiError } from '../../api/client.js';
import type { Session } from '../../api/types.js';

export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
};

/** The signed-in session, or null when nobody is signed in (401 is an answer, not an error). */
const loadSession = async (): Promise<Session | null> => {
  try {
    return await fetchMe();
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
};

export const useSessionQuery = () =>
  useQuery({ queryKey: authKeys.me(), queryFn: loadSession, staleTime: 5 * 60_000, retry: false });

/** Forgets every cached answer and marks the visitor as signed out. */
export const endSession = (queryClient: QueryClient): void => {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.all[0] });
  queryClient.setQueryData(authKeys.me(), null);
};

export const useLogin = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (session) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.all[0] });
      queryClient.setQueryData(authKeys.me(), session);
    },
  });
};

export const useLogout = () => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: logout, onSettled: () => endSession(queryClient) });
};

/** Changing the password lifts the must-change block, so the session is read again. */
export const useChangePassword = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.me() }),
  });
};
