import type { Db } from './database.js';

export type ShopRecord = {
  id: string;
  organizationId: string;
  platform: string;
  name: string;
  timeZone: string;
  createdAt: Date;
};
export type SubAccountRecord = { id: string; shopId: string; name: string };

export const listShops = async ({
  db,
  organizationId,
}: {
  db: Db;
  organizationId: string;
}): Promise<ShopRecord[]> =>
  db
    .selectFrom('shops')
    .select(['id', 'organizationId', 'platform', 'name', 'timeZone', 'createdAt'])
    .where('organizationId', '=', organizationId)
    .orderBy('createdAt')
    .orderBy('name')
    .execute();

export const findShop = async ({
  db,
  organizationId,
  id,
}: {
  db: Db;
  organizationId: string;
  id: string;
}): Promise<ShopRecord | undefined> =>
  db
    .selectFrom('shops')
    .select(['id', 'organizationId', 'platform', 'name', 'timeZone', 'createdAt'])
    .where('organizationId', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();

export const insertShop = async ({
  db,
  shop,
}: {
  db: Db;
  shop: {
    organizationId: string;
    platform: string;
    name: string;
    timeZone?: string | undefined;
    createdAt: Date;
  };
}): Promise<ShopRecord> =>
  db
    .insertInto('shops')
    .values(shop)
    .returning(['id', 'organizationId', 'platform', 'name', 'timeZone', 'createdAt'])
    .executeTakeFirstOrThrow();

export const updateShop = async ({
  db,
  organizationId,
  id,
  changes,
}: {
  db: Db;
  organizationId: string;
  id: string;
  changes: { name?: string | undefined; timeZone?: string | undefined };
}): Promise<ShopRecord | undefined> =>
  db
    .updateTable('shops')
    .set(changes)
    .where('organizationId', '=', organizationId)
    .where('id', '=', id)
    .returning(['id', 'organizationId', 'platform', 'name', 'timeZone', 'createdAt'])
    .executeTakeFirst();

export const listSubAccounts = async ({
  db,
  organizationId,
  shopId,
  ids,
}: {
  db: Db;
  organizationId: string;
  shopId?: string | undefined;
  ids?: string[] | undefined;
}): Promise<SubAccountRecord[]> => {
  if (ids?.length === 0) return [];
  let query = db
    .selectFrom('subAccounts')
    .innerJoin('shops', 'shops.id', 'subAccounts.shopId')
    .select(['subAccounts.id', 'subAccounts.shopId', 'subAccounts.name'])
    .where('shops.organizationId', '=', organizationId);
  if (shopId) query = query.where('subAccounts.shopId', '=', shopId);
  if (ids) query = query.where('subAccounts.id', 'in', ids);
  return query.orderBy('subAccounts.name').execute();
};

export const insertSubAccount = async ({
  db,
  subAccount,
}: {
  db: Db;
  subAccount: { shopId: string; name: string; createdAt: Date };
}): Promise<SubAccountRecord> =>
  db
    .insertInto('subAccounts')
    .values(subAccount)
    .returning(['id', 'shopId', 'name'])
    .executeTakeFirstOrThrow();
