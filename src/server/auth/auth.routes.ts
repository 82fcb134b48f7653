import { changePassword, login, logout, me } from '../../app/accounts/index.js';
import { permissionsOf } from '../../domain/accounts/index.js';
import { okSchema, toUserDto } from '../accounts/accounts.schemas.js';
import { clearSessionCookie, requireAuth, setSessionCookie } from '../plugins/auth.plugin.js';
import type { AreaRoutes } from '../server.types.js';
import { changePasswordBody, loginBody, sessionResponse } from './auth.schemas.js';

/** Sign-in, sign-out, the current user and changing one's own password. */
export const authRoutes: AreaRoutes = async (app, deps) => {
  const tags = ['auth'];

  app.post(
    '/api/auth/login',
    {
      config: { permission: 'public' },
      schema: { tags, body: loginBody, response: { 200: sessionResponse } },
    },
    async (request, reply) => {
      const signedIn = await login({ ...deps, ...request.body, ip: request.ip });
      setSessionCookie(reply, deps, signedIn.token, signedIn.expiresAt);
      const user = toUserDto(signedIn.user);
      return { user, csrfToken: signedIn.csrfToken, permissions: [...permissionsOf(user.role)] };
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { permission: 'self' }, schema: { tags, response: { 200: okSchema } } },
    async (request, reply) => {
      const { actor, sessionId } = requireAuth(request);
      await logout({ ...deps, actor, sessionId });
      clearSessionCookie(reply, deps);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    { config: { permission: 'self' }, schema: { tags, response: { 200: sessionResponse } } },
    async (request) => {
      const { actor, csrfToken } = requireAuth(request);
      return {
        user: toUserDto(await me({ ...deps, actor })),
        csrfToken,
        permissions: [...permissionsOf(actor.role)],
      };
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { permission: 'self' },
      schema: { tags, body: changePasswordBody, response: { 200: okSchema } },
    },
    async (request) => {
      const { actor, sessionId } = requireAuth(request);
      await changePassword({ ...deps, actor, sessionId, ...request.body });
      return { ok: true as const };
    },
  );
};
