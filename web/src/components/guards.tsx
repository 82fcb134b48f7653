import { Flex, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Role } from '../api/types.js';
import { useSessionQuery } from '../features/auth/queries.js';
import { useCurrentUser } from '../features/auth/session.js';
import { t } from '../i18n/i18n.js';
import { QueryError } from './QueryError.js';
import { ForbiddenPage } from './StatusPages.js';

export const FullPageSpin = () => (
  <Flex align="center" justify="center" style={{ minHeight: '60vh' }}>
    <Spin size="large" description={t('common.loading')} />
  </Flex>
);

/** Sends visitors without a session to /login, remembering where they were going. */
export const RequireAuth = ({ children }: { children: ReactNode }) => {
  const session = useSessionQuery();
  const location = useLocation();
  if (session.isPending) return <FullPageSpin />;
  if (session.isError) return <QueryError error={session.error} onRetry={() => session.refetch()} />;
  if (!session.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  // The server refuses every other request until a one-time password is replaced.
  if (session.data.user.mustChangePassword && location.pathname !== '/profile')
    return <Navigate to="/profile" replace />;
  return children;
};

/** The client-side half of RBAC; the API refuses the same requests with 403. */
export const RequireRole = ({ roles, children }: { roles: readonly Role[]; children: ReactNode }) => {
  const user = useCurrentUser();
  return roles.includes(user.role) ? children : <ForbiddenPage />;
};
