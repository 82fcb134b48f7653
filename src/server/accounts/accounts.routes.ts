import { z } from 'zod';
import {
  createShop,
  createSubAccount,
  createTeam,
  listShops,
  listSubAccounts,
  listTeams,
  updateShop,
  updateTeam,
} from '../../app/accounts/index.js';
import { requireAuth } from '../plugins/auth.plugin.js';
import type { AreaRoutes } from '../server.types.js';
import {
  idField,
  idParams,
  nameField,
  platformField,
  shopSchema,
  subAccountSchema,
  teamSchema,
  timeZoneField,
  toShopDto,
  toSubAccountDto,
  toTeamDto,
} from './accounts.schemas.js';

export const shopResponse = z.object({ shop: shopSchema });
export const teamResponse = z.object({ team: teamSchema });

/** Shops, their sub-accounts (子账号) and teams of the signed-in user's organisation. */
export const accountsRoutes: AreaRoutes = async (app, deps) => {
  app.get(
    '/api/shops',
    {
      config: { permission: 'shops.read' },
      schema: { tags: ['shops'], response: { 200: z.object({ shops: z.array(shopSchema) }) } },
    },
    async (request) => ({
      shops: (await listShops({ ...deps, actor: requireAuth(request).actor })).map(toShopDto),
    }),
  );
  app.post(
    '/api/shops',
    {
      config: { permission: 'shops.manage' },
      schema: {
        tags: ['shops'],
        body: z.strictObject({
          name: nameField,
          platform: platformField,
          timeZone: timeZoneField.optional(),
        }),
        response: { 200: shopResponse },
      },
    },
    async (request) => ({
      shop: toShopDto(await createShop({ ...deps, actor: requireAuth(request).actor, ...request.body })),
    }),
  );
  app.patch(
    '/api/shops/:id',
    {
      config: { permission: 'shops.manage' },
      schema: {
        tags: ['shops'],
        params: idParams,
        body: z.strictObject({ name: nameField.optional(), timeZone: timeZoneField.optional() }),
        response: { 200: shopResponse },
      },
    },
    async (request) => {
      const shop = await updateShop({
        ...deps,
        actor: requireAuth(request).actor,
        id: request.params.id,
        ...request.body,
      });
      return { shop: toShopDto(shop) };
    },
  );
  app.get(
    '/api/sub-accounts',
    {
      config: { permission: 'subAccounts.read' },
      schema: {
        tags: ['shops'],
        querystring: z.strictObject({ shopId: idField.optional() }),
        response: { 200: z.object({ subAccounts: z.array(subAccountSchema) }) },
      },
    },
    async (request) => {
      const subAccounts = await listSubAccounts({
        ...deps,
        actor: requireAuth(request).actor,
        shopId: request.query.shopId,
      });
      return { subAccounts: subAccounts.map(toSubAccountDto) };
    },
  );
  app.post(
    '/api/sub-accounts',
    {
      config: { permission: 'subAccounts.manage' },
      schema: {
        tags: ['shops'],
        body: z.strictObject({ shopId: idField, name: nameField }),
        response: { 200: z.object({ subAccount: subAccountSchema }) },
      },
    },
    async (request) => {
      const subAccount = await createSubAccount({
        ...deps,
        actor: requireAuth(request).actor,
        ...request.body,
      });
      return { subAccount: toSubAccountDto(subAccount) };
    },
  );
  app.get(
    '/api/teams',
    {
      config: { permission: 'teams.read' },
      schema: { tags: ['teams'], response: { 200: z.object({ teams: z.array(teamSchema) }) } },
    },
    async (request) => ({
      teams: (await listTeams({ ...deps, actor: requireAuth(request).actor })).map(toTeamDto),
    }),
  );
  app.post(
    '/api/teams',
    {
      config: { permission: 'teams.manage' },
      schema: { tags: ['teams'], body: z.strictObject({ name: nameField }), response: { 200: teamResponse } },
    },
    async (request) => ({
      team: toTeamDto(await createTeam({ ...deps, actor: requireAuth(request).actor, ...request.body })),
    }),
  );
  app.patch(
    '/api/teams/:id',
    {
      config: { permission: 'teams.manage' },
      schema: {
        tags: ['teams'],
        params: idParams,
        body: z.strictObject({ name: nameField }),
        response: { 200: teamResponse },
      },
    },
    async (request) => {
      const team = await updateTeam({
        ...deps,
        actor: requireAuth(request).actor,
        id: request.params.id,
        ...request.body,
      });
      return { team: toTeamDto(team) };
    },
  );
};
