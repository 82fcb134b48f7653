import { z } from 'zod';
import { createUser, getUser, listUsers, resetPassword, updateUser } from '../../app/accounts/index.js';
import { requireAuth } from '../plugins/auth.plugin.js';
import type { AreaRoutes } from '../server.types.js';
import {
  displayNameField,
  idField,
  idParams,
  loginField,
  roleField,
  toUserDto,
  userSchema,
} from './accounts.schemas.js';

export const userResponse = z.object({ user: userSchema });

export const createUserBody = z.strictObject({
  login: loginField,
  displayName: displayNameField,
  role: roleField,
  teamId: idField.nullable().optional(),
  subAccountIds: z.array(idField).max(100).optional(),
  password: z.string().min(8, '至少 8 个字符').max(200).optional(),
});

export const updateUserBody = z.strictObject({
  displayName: displayNameField.optional(),
  role: roleField.optional(),
  teamId: idField.nullable().optional(),
  subAccountIds: z.array(idField).max(100).optional(),
  disabled: z.boolean().optional(),
});

/** The organisation's users; agents may read only themselves. */
export const usersRoutes: AreaRoutes = async (app, deps) => {
  const tags = ['users'];
  app.get(
    '/api/users',
    {
      config: { permission: 'users.read' },
      schema: {
        tags,
        querystring: z.strictObject({
          role: roleField.optional(),
          teamId: idField.optional(),
          q: z.string().max(64).optional(),
        }),
        response: { 200: z.object({ users: z.array(userSchema) }) },
      },
    },
    async (request) => {
      const users = await listUsers({ ...deps, actor: requireAuth(request).actor, filter: request.query });
      return { users: users.map(toUserDto) };
    },
  );
  app.get(
    '/api/users/:id',
    // Every signed-in user may ask; the use-case lets agents see only themselves.
    { config: { permission: 'self' }, schema: { tags, params: idParams, response: { 200: userResponse } } },
    async (request) => ({
      user: toUserDto(await getUser({ ...deps, actor: requireAuth(request).actor, id: request.params.id })),
    }),
  );
  app.post(
    '/api/users',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags,
        body: createUserBody,
        response: { 200: z.object({ user: userSchema, initialPassword: z.string().optional() }) },
      },
    },
    async (request) => {
      const created = await createUser({ ...deps, actor: requireAuth(request).actor, ...request.body });
      return { ...created, user: toUserDto(created.user) };
    },
  );
  app.patch(
    '/api/users/:id',
    {
      config: { permission: 'users.manage' },
      schema: { tags, params: idParams, body: updateUserBody, response: { 200: userResponse } },
    },
    async (request) => {
      const user = await updateUser({
        ...deps,
        actor: requireAuth(request).actor,
        id: request.params.id,
        ...request.body,
      });
      return { user: toUserDto(user) };
    },
  );
  app.post(
    '/api/users/:id/reset-password',
    {
      config: { permission: 'users.manage' },
      schema: { tags, params: idParams, response: { 200: z.object({ password: z.string() }) } },
    },
    async (request) => resetPassword({ ...deps, actor: requireAuth(request).actor, id: request.params.id }),
  );
};
