import type { Platform } from '../../domain/shared/index.js';
import { inTransaction } from '../../store/database.js';
import {
  findShop,
  insertShop,
  insertSubAccount,
  listShops as listShopRecords,
  listSubAccounts as listSubAccountRecords,
  type ShopRecord,
  type SubAccountRecord,
  updateShop as updateShopRecord,
} from '../../store/shops.repository.js';
import { recordAudit } from './accounts.audit.js';
import { authorize, isUniqueViolation } from './accounts.authorize.js';
import { accountsErrors } from './accounts.errors.js';
import type { AccountsDeps, Actor } from './accounts.types.js';

type Deps = Omit<AccountsDeps, 'config'> & { actor: Actor };

export const listShops = async ({ db, actor }: Deps): Promise<ShopRecord[]> => {
  authorize(actor, 'shops.read');
  return listShopRecords({ db, organizationId: actor.organizationId });
};

export const createShop = async ({
  db,
  clock,
  actor,
  name,
  platform,
  timeZone,
}: Deps & { name: string; platform: Platform; timeZone?: string | undefined }): Promise<ShopRecord> => {
  authorize(actor, 'shops.manage');
  return inTransaction(db, async (trx) => {
    const shop = await insertShop({
      db: trx,
      shop: { organizationId: actor.organizationId, name, platform, timeZone, createdAt: clock.now() },
    });
    await recordAudit({
      db: trx,
      clock,
      actor,
      action: 'shops.created',
      target: shop.id,
      details: { name, platform },
    });
    return shop;
  });
};

export const updateShop = async ({
  db,
  actor,
  id,
  name,
  timeZone,
}: Deps & { id: string; name?: string | undefined; timeZone?: string | undefined }): Promise<ShopRecord> => {
  authorize(actor, 'shops.manage');
  const changes = { name, timeZone };
  const shop =
    name === undefined && timeZone === undefined
      ? await findShop({ db, organizationId: actor.organizationId, id })
      : await updateShopRecord({ db, organizationId: actor.organizationId, id, changes });
  if (!shop) throw accountsErrors.notFound('店铺');
  return shop;
};

export const listSubAccounts = async ({
  db,
  actor,
  shopId,
}: Deps & { shopId?: string | undefined }): Promise<SubAccountRecord[]> => {
  authorize(actor, 'subAccounts.read');
  return listSubAccountRecords({ db, organizationId: actor.organizationId, shopId });
};

export const createSubAccount = async ({
  db,
  clock,
  actor,
  shopId,
  name,
}: Deps & { shopId: string; name: string }): Promise<SubAccountRecord> => {
  authorize(actor, 'subAccounts.manage');
  const shop = await findShop({ db, organizationId: actor.organizationId, id: shopId });
  if (!shop) throw accountsErrors.invalidReference('body.shopId', '店铺');
  try {
    return await insertSubAccount({ db, subAccount: { shopId, name, createdAt: clock.now() } });
  } catch (error) {
    if (isUniqueViolation(error)) throw accountsErrors.conflict('body.name', '该店铺已有同名子账号');
    throw error;
  }
};
